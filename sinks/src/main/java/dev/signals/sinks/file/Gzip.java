package dev.signals.sinks.file;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;

/** Compresses a rotated file to {@code NAME.gz}, atomically: the {@code .gz} appears whole or not at all. */
final class Gzip {

    private static final int BUFFER = 64 * 1024;

    private Gzip() {
    }

    /**
     * Writes {@code source} compressed to a temporary file, renames it to its {@code .gz}
     * name, then deletes {@code source}. On failure the temporary file is removed and
     * {@code source} stays as it was.
     *
     * @param sync whether to put the compressed file on the disk before the rename
     */
    static void compress(Path source, boolean sync) throws IOException {
        Path target = RotatedNames.compressed(source);
        Path tmp = target.resolveSibling(target.getFileName() + RotatedNames.TMP);
        try {
            // Streams, not channels: an interrupt would close a channel mid-copy.
            try (InputStream in = new FileInputStream(source.toFile());
                 FileOutputStream out = new FileOutputStream(tmp.toFile());
                 GZIPOutputStream gz = new GZIPOutputStream(out, BUFFER)) {
                in.transferTo(gz);
                gz.finish();
                if (sync) {
                    out.getFD().sync();
                }
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        Files.delete(source);
    }
}
