package dev.signals.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * One event in the spool, and its layout on disk: {@code length} (4 bytes, of what follows the
 * checksum), {@code crc32c} (4 bytes, of the body), then the body: {@code offset} (8), the
 * signal name (2-byte length, UTF-8), the severity's ordinal (1), the record key (4-byte
 * length, -1 for none, UTF-8) and the value (4-byte length, the event's JSON line).
 *
 * <p>The offset numbers the spool's records from its creation on, so that, with the spool's
 * id, it names the event for good: the {@code event_id} a replay sends again unchanged.
 *
 * @param offset the record's number in its spool
 * @param signal the signal name, UTF-8
 * @param severity the severity's ordinal
 * @param key the record key, UTF-8, or {@code null}
 * @param value the event's JSON line
 */
record SpoolRecord(long offset, byte[] signal, int severity, byte[] key, byte[] value) {

    /** Bytes before the body: its length and its checksum. */
    static final int HEADER = 8;
    /** No body is longer: a length past it is damage, not a record. */
    static final int MAX_BODY = 8 << 20;

    /** The size on disk of a record with these parts. */
    static int size(int signalLength, int keyLength, int valueLength) {
        return HEADER + 8 + 2 + signalLength + 1 + 4 + Math.max(keyLength, 0) + 4 + valueLength;
    }

    /**
     * Writes a record at {@code out[at ..]}, which must have room for {@link #size}.
     *
     * @return the position after it
     */
    static int write(byte[] out, int at, long offset, byte[] signal, int severity, byte[] key, byte[] value,
                     int valueLength) {
        int size = size(signal.length, key == null ? -1 : key.length, valueLength);
        ByteBuffer b = ByteBuffer.wrap(out, at, size);
        b.putInt(size - HEADER);
        b.putInt(0); // the checksum, once the body is written
        b.putLong(offset);
        b.putShort((short) signal.length);
        b.put(signal);
        b.put((byte) severity);
        if (key == null) {
            b.putInt(-1);
        } else {
            b.putInt(key.length);
            b.put(key);
        }
        b.putInt(valueLength);
        b.put(value, 0, valueLength);
        CRC32C crc = new CRC32C();
        crc.update(out, at + HEADER, size - HEADER);
        ByteBuffer.wrap(out, at + 4, 4).putInt((int) crc.getValue());
        return at + size;
    }

    /** The outcome of reading at one position. */
    enum Read { RECORD, INCOMPLETE, DAMAGED }

    /**
     * Reads the record at {@code in}'s position: on {@link Read#RECORD} the buffer's position is
     * past it and {@code into[0]} holds it; otherwise the position is unchanged.
     *
     * @param expectedOffset the offset the record must carry (a record elsewhere in a file is damage)
     */
    static Read read(ByteBuffer in, long expectedOffset, SpoolRecord[] into) {
        int start = in.position();
        if (in.remaining() < HEADER) {
            return Read.INCOMPLETE;
        }
        int length = in.getInt(start);
        if (length < 8 + 2 + 1 + 4 + 4 || length > MAX_BODY) {
            return Read.DAMAGED;
        }
        if (in.remaining() < HEADER + length) {
            return Read.INCOMPLETE;
        }
        CRC32C crc = new CRC32C();
        ByteBuffer body = in.duplicate();
        body.position(start + HEADER).limit(start + HEADER + length);
        crc.update(body);
        if ((int) crc.getValue() != in.getInt(start + 4)) {
            return Read.DAMAGED;
        }
        try {
            body.position(start + HEADER);
            long offset = body.getLong();
            if (offset != expectedOffset) {
                return Read.DAMAGED;
            }
            byte[] signal = bytes(body, Short.toUnsignedInt(body.getShort()));
            int severity = body.get();
            int keyLength = body.getInt();
            byte[] key = keyLength < 0 ? null : bytes(body, keyLength);
            byte[] value = bytes(body, body.getInt());
            if (body.hasRemaining()) {
                return Read.DAMAGED;
            }
            into[0] = new SpoolRecord(offset, signal, severity, key, value);
        } catch (RuntimeException inconsistentLengths) {
            return Read.DAMAGED;
        }
        in.position(start + HEADER + length);
        return Read.RECORD;
    }

    private static byte[] bytes(ByteBuffer b, int length) {
        byte[] out = new byte[length];
        b.get(out);
        return out;
    }

    /** Text as the UTF-8 a record holds. */
    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
