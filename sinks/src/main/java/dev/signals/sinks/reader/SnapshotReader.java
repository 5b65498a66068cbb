package dev.signals.sinks.reader;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jpountz.lz4.LZ4FrameInputStream;

/**
 * Reads a snapshot file: the header line, then the events one at a time, in the order stored.
 *
 * <p>Damage of any kind (a truncated file, a flipped byte, a file that is not a snapshot)
 * surfaces as a {@link SnapshotDamagedException} naming the byte offset in the file; every
 * event returned before it is exactly as written, because the LZ4 frame's blocks carry
 * checksums that are verified before their content is handed on. Reading never blocks on
 * anything but the file and never allocates more than one block (64 KiB to 4 MiB) and one line.
 *
 * <pre>{@code
 * try (SnapshotReader r = SnapshotReader.open(file)) {
 *     SnapshotInfo header = r.header();
 *     for (SnapshotEvent e = r.next(); e != null; e = r.next()) { ... }
 * }
 * }</pre>
 */
public final class SnapshotReader implements Closeable {

    /** The first four bytes of an LZ4 frame, little-endian 0x184D2204. */
    private static final byte[] LZ4_MAGIC = {0x04, 0x22, 0x4D, 0x18};

    private final Path file;
    private final InputStream raw;
    private final CountingInputStream counted;
    private LineSplitter lines;
    private SnapshotInfo header;
    private long lineNumber;

    private SnapshotReader(Path file, InputStream raw) {
        this.file = file;
        this.raw = raw;
        this.counted = new CountingInputStream(new BufferedInputStream(raw, 1 << 16));
    }

    /**
     * Opens {@code file} and reads its header.
     *
     * @throws SnapshotDamagedException when the file is not a readable snapshot
     * @throws IOException when the file cannot be opened
     */
    public static SnapshotReader open(Path file) throws IOException {
        long size = Files.size(file);
        SnapshotReader reader = new SnapshotReader(file, Files.newInputStream(file));
        try {
            reader.start(size);
            return reader;
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private void start(long size) throws IOException {
        byte[] magic = counted.readNBytes(4);
        if (magic.length < 4 || magic[0] != LZ4_MAGIC[0] || magic[1] != LZ4_MAGIC[1] || magic[2] != LZ4_MAGIC[2]
                || magic[3] != LZ4_MAGIC[3]) {
            throw damaged(-1, magic.length < 4 ? "too short to be an LZ4 frame" : "not an LZ4 frame (wrong magic number)", null);
        }
        // Give the frame reader back the magic number it expects to read first.
        InputStream whole = new SequenceInputStream(new ByteArrayInputStream(magic), counted) {
            @Override
            public void close() {
                // closing is ours to do
            }
        };
        LZ4FrameInputStream lz4;
        try {
            lz4 = new LZ4FrameInputStream(whole);
        } catch (RuntimeException e) {
            throw damaged(-1, "cannot read the LZ4 frame: " + e, e);
        }
        lines = new LineSplitter(lz4);
        if (!nextLine()) {
            throw damaged(0, "the file holds no header line", null);
        }
        String text = currentLine(0);
        try {
            header = SnapshotInfo.of(file, size, JsonTree.parseObject(text));
        } catch (IOException e) {
            throw damaged(0, "bad header: " + e.getMessage(), e);
        }
    }

    /** The header of the file. */
    public SnapshotInfo header() {
        return header;
    }

    /**
     * The next event, or {@code null} at the end of the file.
     *
     * @throws SnapshotDamagedException when the file is damaged from here on
     */
    public SnapshotEvent next() throws IOException {
        if (!nextLine()) {
            return null;
        }
        long offset = lines.lineOffset();
        String text = currentLine(offset);
        try {
            return SnapshotEvent.parse(text, header);
        } catch (IOException e) {
            throw damaged(offset, "line " + lineNumber + " is not a valid event: " + e.getMessage(), e);
        }
    }

    private boolean nextLine() throws IOException {
        try {
            boolean more = lines.next();
            if (more) {
                lineNumber++;
            }
            return more;
        } catch (LineSplitter.IncompleteLine e) {
            throw damaged(e.offset, e.getMessage(), e);
        } catch (LineSplitter.LineTooLong e) {
            throw damaged(e.offset, e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            // The LZ4 reader's verdict: truncated, checksum mismatch, bad block, trailing garbage.
            throw damaged(lines.offset(), lz4Problem(e), e);
        }
    }

    private String currentLine(long offset) throws SnapshotDamagedException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(lines.array(), lines.lineStart(), lines.lineLength()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw damaged(offset, "line " + lineNumber + " is not valid UTF-8", e);
        }
    }

    private static String lz4Problem(Throwable e) {
        String message = e.getMessage();
        if (e.getCause() != null && (message == null || message.equals(e.getCause().toString()))) {
            message = e.getCause().getMessage();
        }
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        if ("Stream ended prematurely".equals(message)) {
            return "the file ends before its LZ4 frame does (truncated)";
        }
        if ("Stream unsupported".equals(message)) {
            return "unexpected data after the LZ4 frame";
        }
        return "corrupt LZ4 data: " + message;
    }

    private SnapshotDamagedException damaged(long contentOffset, String problem, Throwable cause) {
        return new SnapshotDamagedException(file.toString(), counted.count(), contentOffset, problem, cause);
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}
