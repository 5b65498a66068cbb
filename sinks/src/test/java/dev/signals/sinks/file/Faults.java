package dev.signals.sinks.file;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Real disk faults, for machines that can make them (tests run as root, where permissions do
 * not stop writes): an immutable directory ({@code chattr +i}) and a tiny tmpfs that fills up.
 * Each returns whether it worked, for JUnit assumptions.
 */
final class Faults {

    private Faults() {
    }

    /** Runs a command; true when it exits with 0 within 30 s. */
    static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** True when {@code chattr +i} really stops files being created here. */
    static boolean canMakeImmutable(Path parent) throws IOException {
        Path probe = Files.createDirectories(parent.resolve("immutable-probe"));
        if (!immutable(probe, true)) {
            return false;
        }
        try {
            Files.createFile(probe.resolve("x"));
            return false;
        } catch (IOException refused) {
            return true;
        } finally {
            immutable(probe, false);
        }
    }

    static boolean immutable(Path dir, boolean on) {
        return run("chattr", on ? "+i" : "-i", dir.toString());
    }

    static boolean mountTmpfs(Path dir, String size) {
        return run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
    }

    static boolean resizeTmpfs(Path dir, String size) {
        return run("mount", "-o", "remount,size=" + size, dir.toString());
    }

    /** Fills the file system at {@code dir} up, so that no file there can grow. */
    static void fill(Path dir) throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve("filler"))) {
            byte[] block = new byte[4096];
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // no space left: what this is for
        }
    }

    /** Unmounts, lazily if something still holds the mount. */
    static void unmount(Path dir) {
        if (!run("umount", dir.toString())) {
            run("umount", "-l", dir.toString());
        }
    }
}
