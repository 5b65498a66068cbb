package dev.signals.sinks.snapshot;

import dev.signals.Event;
import dev.signals.sinks.json.EventJsonWriter;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.lz4.LZ4FrameOutputStream.BLOCKSIZE;
import net.jpountz.lz4.LZ4FrameOutputStream.FLG;

/**
 * Writes one snapshot file: a standard LZ4 frame (what {@code lz4 -dc} reads) holding the header
 * line and then one Event JSON line per event, in sequence order.
 *
 * <p>The file is written under a hidden temporary name, forced to disk, renamed atomically to
 * its final name and the directory entry forced too: a reader sees a whole file or none, never
 * half of one. Files are 0600 and a directory made here 0700. Frames carry block and content
 * checksums, so the reader can tell damage from data.
 *
 * <p>Confined to the sink's writer thread (it reuses one {@link EventJsonWriter}).
 */
final class SnapshotFileWriter {

    private static final int BUFFER = 1 << 16;

    private final Path directory;
    private final String service;
    private final EventJsonWriter lines = new EventJsonWriter();

    SnapshotFileWriter(Path directory, String service) {
        this.directory = directory;
        this.service = service;
    }

    Path directory() {
        return directory;
    }

    /**
     * Writes {@code request} to a new file in the directory, creating the directory if need be.
     *
     * @return the file written
     * @throws IOException when it could not be written; no file and no temporary file is left
     */
    Path write(SnapshotRequest request) throws IOException {
        OwnerOnly.createDirectories(directory);
        List<Event> events = request.window().events();
        byte[] header = SnapshotHeader.encode(request, events, ProcessInfo.host(), service);
        Path target = SnapshotNames.reserve(directory, ProcessInfo.PID, request.created(), request.fileReason());
        Path temp = SnapshotNames.tempFor(target);
        boolean renamed = false;
        try {
            try (FileChannel channel = OwnerOnly.createFile(temp)) {
                OutputStream file = new BufferedOutputStream(new KeepOpen(Channels.newOutputStream(channel)), BUFFER);
                try (OutputStream lz4 = new LZ4FrameOutputStream(file, BLOCKSIZE.SIZE_64KB,
                        FLG.Bits.BLOCK_INDEPENDENCE, FLG.Bits.BLOCK_CHECKSUM, FLG.Bits.CONTENT_CHECKSUM)) {
                    lz4.write(header);
                    for (Event e : events) {
                        writeEvent(e, lz4);
                    }
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            renamed = true;
            OwnerOnly.syncDirectory(directory);
            return target;
        } finally {
            if (!renamed) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The write already failed; that failure is the one reported.
                }
            }
            SnapshotNames.release(target);
        }
    }

    private void writeEvent(Event e, OutputStream out) throws IOException {
        try {
            lines.write(e, out);
        } catch (RuntimeException | StackOverflowError failure) {
            // One event that cannot be encoded must not cost the snapshot (nor its count): keep
            // its place with what is known for sure.
            lines.write(Event.builder(e.signal()).sequence(e.sequence()).epochMicros(e.epochMicros())
                    .thread(e.thread()).trace(e.traceId(), e.spanId())
                    .message("<unwritable event: " + failure.getClass().getName() + ">").build(), out);
        }
    }

    /** Lets the LZ4 stream close (and so finish its frame) without closing the channel, which is forced afterwards. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
