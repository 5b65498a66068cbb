package dev.signals.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spool on a disk that fills up (a 256 KiB tmpfs, which needs root and {@code mount}): the
 * spool's writer thread meets the full disk, never the emitting thread; what cannot be written
 * is counted {@code UNWRITABLE}, what was written stays for the next run, and writing goes on
 * by itself once there is room again.
 */
class SpoolDiskFullTest {

    @TempDir
    Path dir;

    private Path disk;

    @AfterEach
    void unmount() {
        if (disk != null && !mount("umount", disk.toString())) {
            mount("umount", "-l", disk.toString());
        }
    }

    private static boolean mount(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void aFullDiskCostsTheEventsItCannotHoldCountedAndNeverTheEmittingThread() throws Exception {
        Path mountPoint = Files.createDirectories(dir.resolve("disk"));
        assumeTrue(mount("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mountPoint.toString()),
                "a tmpfs can be mounted here");
        disk = mountPoint;
        int count = 5_000; // about 1 MiB of records: four times the disk
        KafkaSinkStats full;
        try (KafkaSink sink = KafkaSink.builder(SpoolTest.NO_BROKER, "t").spoolDirectory(disk)
                .closeDrain(Duration.ZERO).build()) {
            for (int i = 0; i < count; i++) {
                sink.accept(TestEvents.numbered(i, 7)); // never throws: the writer meets the full disk
            }
            sink.flush();
            full = sink.stats();
            assertEquals(count, full.spooled());
            long unwritable = full.dropped(KafkaDropReason.UNWRITABLE);
            assertTrue(unwritable > count / 2, "what the disk could not hold is counted: " + full);
            assertEquals(count - unwritable, full.spoolRecords(), "the rest waits in the spool: " + full);
            assertTrue(full.spoolBytes() <= 256 * 1024, full.toString());

            assertTrue(mount("mount", "-o", "remount,size=64m", disk.toString()), "room given back");
            for (int i = count; i < count + 100; i++) {
                sink.accept(TestEvents.numbered(i, 7));
            }
            sink.flush();
            assertEquals(unwritable, sink.stats().dropped(KafkaDropReason.UNWRITABLE), "writing goes on by itself");
            assertEquals(full.spoolRecords() + 100, sink.stats().spoolRecords());
        }
        Figures restart = new Figures();
        try (Spool spool = Spool.open(disk, KafkaSink.DEFAULT_MAX_BYTES, SpoolFull.DROP_OLDEST, restart)) {
            assertEquals(full.spoolRecords() + 100, restart.replayed.get(), "the next run finds what the spool held");
            assertEquals(0, restart.damagedBytes.get());
        }
    }
}
