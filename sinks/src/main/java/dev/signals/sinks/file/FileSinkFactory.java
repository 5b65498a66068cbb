package dev.signals.sinks.file;

import dev.signals.Sink;
import dev.signals.router.spi.SinkFactory;
import dev.signals.router.spi.SinkSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Type {@code file}. Options: {@code "path"} (required), {@code "maxBytes"} (0), {@code "rotate"}
 * ({@code "none"} | {@code "hourly"} | {@code "daily"}), {@code "maxFiles"}
 * ({@value FileSink#DEFAULT_MAX_FILES}), {@code "gzip"} (false), {@code "fsync"}
 * ({@code "never"} | {@code "batch"} | {@code "always"}). A sink with {@code "async"} is a
 * {@link BufferedFileSink} buffering {@value BufferedFileSink#DEFAULT_BUFFER_BYTES} bytes between
 * writes, whose events count as delivered once written; without it, a {@link FileSink} writing
 * every line before {@code accept} returns. A path naming anything but a regular file (a FIFO, a
 * device, a socket, a directory) is refused. See {@code docs/sinks.md}.
 */
public final class FileSinkFactory implements SinkFactory {

    /** The type name in config files. */
    public static final String TYPE = "file";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Sink create(SinkSettings settings) {
        settings.requiredString("path");
        Path path = settings.path("path", null);
        if (Files.isDirectory(path)) {
            throw settings.invalid("path", "'" + path + "' is a directory; give the path of the file to write");
        }
        try {
            NotRegularFileException.check(path); // looks without opening: a FIFO would hold the open for ever
        } catch (NotRegularFileException e) {
            throw settings.invalid("path", "'" + path + "' " + e.getReason());
        } catch (IOException e) {
            // cannot be looked at now (its directory is not there yet): the first write will tell
        }
        long maxBytes = settings.longValue("maxBytes", 0, 0, Long.MAX_VALUE);
        Rotation rotation = Rotation.fromConfigName(settings.choice("rotate", Rotation.NONE.configName(),
                Rotation.NONE.configName(), Rotation.HOURLY.configName(), Rotation.DAILY.configName()));
        int maxFiles = settings.intValue("maxFiles", FileSink.DEFAULT_MAX_FILES, 0, 1_000_000);
        boolean gzip = settings.bool("gzip", false);
        Fsync fsync = Fsync.fromConfigName(settings.choice("fsync", Fsync.NEVER.configName(),
                Fsync.NEVER.configName(), Fsync.BATCH.configName(), Fsync.ALWAYS.configName()));
        FileSink.Builder builder = FileSink.builder(path)
                .maxBytes(maxBytes)
                .rotation(rotation)
                .maxFiles(maxFiles)
                .gzip(gzip)
                .fsync(fsync);
        // Buffered writes only when a worker will flush them; a synchronous sink writes each line.
        return settings.has("async") ? builder.buildBuffered(BufferedFileSink.DEFAULT_BUFFER_BYTES) : builder.build();
    }
}
