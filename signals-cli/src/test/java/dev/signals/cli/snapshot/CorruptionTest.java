package dev.signals.cli.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.signals.cli.SignalsCommand;
import dev.signals.sinks.reader.SnapshotDamagedException;
import dev.signals.sinks.reader.SnapshotEvent;
import dev.signals.sinks.reader.SnapshotFixtures;
import dev.signals.sinks.reader.SnapshotReader;
import dev.signals.sinks.testing.JsonLines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jpountz.lz4.LZ4FrameOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged files: {@code signals snapshot} prints every event before the damage, then names the byte offset on
 * stderr and exits 1. It never hangs (each test has a timeout) and never lets an exception out.
 */
class CorruptionTest {

    @TempDir
    Path dir;

    private byte[] original;
    private String header;
    private List<String> events;

    /** What one run of the command line produced. */
    record Run(int status, String out, String err) {
        List<String> lines() {
            return JsonLines.lines(out);
        }
    }

    /** Runs {@code signals snapshot ARGS} as {@code bin/signals} does, on captured output. */
    static Run cli(String... args) {
        return cli(new ByteArrayOutputStream(), args);
    }

    static Run cli(OutputStream stdout, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] line = new String[args.length + 1];
        line[0] = "snapshot";
        System.arraycopy(args, 0, line, 1, args.length);
        int status = SignalsCommand.commandLine(stdout, new PrintStream(err, true, StandardCharsets.UTF_8)).execute(line);
        String out = stdout instanceof ByteArrayOutputStream bytes ? bytes.toString(StandardCharsets.UTF_8) : "";
        return new Run(status, out, err.toString(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void writeOriginal() throws IOException {
        // About 2 000 events: several 64 KiB LZ4 blocks, so a cut can fall before, inside and after each.
        Path file = SnapshotFixtures.write(dir.resolve("source"), "corruption", 2_000, Instant.parse("2026-11-23T00:00:00Z"), 1);
        original = Files.readAllBytes(file);
        List<String> raw = SnapshotFixtures.rawLines(file);
        header = raw.get(0) + "\n";
        events = raw.subList(1, raw.size());
    }

    private void assertPrefixOfOriginal(Run run, String what) {
        List<String> shown = run.lines();
        assertTrue(shown.size() <= events.size(), what);
        assertEquals(events.subList(0, shown.size()), shown, what + ": what is printed is exactly the start of the file");
    }

    @Test
    @Timeout(120)
    void aFileCutAtEvery97thByteYieldsTheEventsBeforeTheCutAndNamesTheOffset() throws IOException {
        Path cut = dir.resolve("cut.jsonl.lz4");
        int shownBefore = 0;
        boolean someShown = false;
        for (int length = 0; length < original.length; length += 97) {
            Files.write(cut, Arrays.copyOf(original, length));
            Run run = cli("cat", cut.toString());
            String what = "cut at " + length + " of " + original.length;
            assertEquals(SnapshotCommand.DAMAGED, run.status(), what);
            assertPrefixOfOriginal(run, what);
            assertTrue(run.err().contains(cut + ": damaged at byte " + length), what + ": " + run.err());
            assertFalse(run.err().contains("internal error"), run.err());
            assertTrue(run.lines().size() >= shownBefore, "a longer file never shows fewer events");
            shownBefore = run.lines().size();
            someShown |= !run.lines().isEmpty();
        }
        assertTrue(someShown, "events before the damage are printed");
        Files.write(cut, original);
        Run whole = cli("cat", cut.toString());
        assertEquals(SnapshotCommand.OK, whole.status(), whole.err());
        assertEquals(events, whole.lines());
    }

    @Test
    @Timeout(120)
    void flippedBytesAnywhereAreDetectedWithoutAnEscapingException() throws IOException {
        Path bad = dir.resolve("flipped.jsonl.lz4");
        Random random = new Random(42);
        int detected = 0;
        // Every byte of the frame and first block headers, then a spread over the blocks and the end mark.
        List<Integer> positions = new ArrayList<>();
        for (int p = 0; p < 32; p++) {
            positions.add(p);
        }
        for (int p = 32; p < original.length; p += 199) {
            positions.add(p);
        }
        for (int p = Math.max(32, original.length - 12); p < original.length; p++) {
            positions.add(p);
        }
        for (int position : positions) {
            for (int mask : new int[] {1 << random.nextInt(8), 0xFF}) {
                byte[] copy = original.clone();
                copy[position] ^= (byte) mask;
                Files.write(bad, copy);
                String what = "byte " + position + " ^ 0x" + Integer.toHexString(mask);
                Run run = cli("cat", bad.toString());
                if (run.status() == SnapshotCommand.OK) {
                    assertEquals(events, run.lines(), what + " went unnoticed, so it must not have changed anything");
                } else {
                    detected++;
                    assertEquals(SnapshotCommand.DAMAGED, run.status(), what + ": " + run.err());
                    assertPrefixOfOriginal(run, what);
                    assertTrue(run.err().contains(": damaged at byte "), what + ": " + run.err());
                }
                assertFalse(run.err().contains("internal error"), what + ": " + run.err());
                if (position % 4 == 0 && mask == 0xFF) {
                    // The other commands read the same way.
                    Run stats = cli("stats", bad.toString());
                    assertFalse(stats.err().contains("internal error"), what + ": " + stats.err());
                    assertEquals(run.status(), stats.status(), what);
                }
            }
        }
        assertTrue(detected > 0);
    }

    @Test
    @Timeout(60)
    void filesThatAreNoSnapshotAreNamedAsSuchWithAnOffset() throws IOException {
        assertDamaged(new byte[0], "too short to be an LZ4 frame");
        assertDamaged("{\"seq\":1}\n".getBytes(StandardCharsets.UTF_8), "not an LZ4 frame");
        byte[] noise = new byte[10_000];
        new Random(7).nextBytes(noise);
        assertDamaged(noise, "not an LZ4 frame");
        assertDamaged(lz4("hello\n"), "bad header");
        assertDamaged(lz4(""), "no header line");
        assertDamaged(lz4(header + events.get(0) + "\n{not json}\n"), "line 3 is not a valid event");
        assertDamaged(lz4(header + events.get(0) + "\n{\"seq\":2}\n"), "lacks \"time\"");
        assertDamaged(lz4(header + events.get(0)), "ends inside a line");
        assertDamaged(lz4(header.replace("signals-snapshot/1", "signals-snapshot/9")), "unsupported snapshot format");
        byte[] trailing = Arrays.copyOf(original, original.length + 8);
        trailing[original.length] = 'x';
        assertDamaged(trailing, "unexpected data after the LZ4 frame");

        Run missing = cli("cat", dir.resolve("nope.jsonl.lz4").toString());
        assertEquals(SnapshotCommand.DAMAGED, missing.status());
        assertTrue(missing.err().contains("nope.jsonl.lz4: no such file"), missing.err());
        Run directory = cli("cat", dir.toString());
        assertEquals(SnapshotCommand.DAMAGED, directory.status());
        assertTrue(directory.err().contains("is a directory"), directory.err());
    }

    private void assertDamaged(byte[] content, String words) throws IOException {
        Path file = Files.write(dir.resolve("odd.jsonl.lz4"), content);
        for (String command : new String[] {"cat", "stats"}) {
            Run run = cli(command, file.toString());
            assertEquals(SnapshotCommand.DAMAGED, run.status(), words + ": " + run.err());
            assertTrue(run.err().contains("damaged at byte ") && run.err().contains(words), words + ": " + run.err());
        }
        try (SnapshotReader reader = SnapshotReader.open(file)) {
            for (SnapshotEvent e = reader.next(); e != null; e = reader.next()) {
                assertTrue(e.seq() > 0);
            }
            fail("no damage found for " + words);
        } catch (SnapshotDamagedException expected) {
            assertTrue(expected.getMessage().contains(words), expected.getMessage());
            assertTrue(expected.fileOffset() >= 0 && expected.fileOffset() <= content.length, expected.getMessage());
        }
    }

    /** {@code text} as one standard LZ4 frame. */
    static byte[] lz4(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream lz4 = new LZ4FrameOutputStream(out)) {
            lz4.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
