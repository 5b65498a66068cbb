package dev.signals.sinks.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The quoted JSON text of strings a writer meets again and again — signal names, keys, thread
 * names, constant messages — so that each is escaped once instead of on every event.
 *
 * <p>Strings are found by identity in a fixed number of slots: a string is encoded the second
 * time the same instance is met in its slot, so strings built afresh for each event never
 * allocate an encoding, and the table never grows. An encoded string keeps its slot: two hot
 * strings sharing a slot leave the second one uncached rather than re-encode them in turn.
 * Only printable ASCII without quotes or backslashes is kept: its JSON text is the string
 * itself between quotes under every escaping rule, so the cached bytes are exactly what
 * jackson would write. Not thread-safe: one per writer.
 */
final class EncodedStrings {

    private static final int SLOTS = 512;
    private static final int MAX_CACHED_LENGTH = 256;

    private final String[] met = new String[SLOTS];
    private final String[] cached = new String[SLOTS];
    private final byte[][] quoted = new byte[SLOTS][];

    /** {@code "s"} as UTF-8 when {@code s} is cached (or now becomes so), else {@code null}. */
    byte[] quoted(String s) {
        int slot = s.hashCode() & (SLOTS - 1);
        String c = cached[slot];
        if (c == s) {
            return quoted[slot];
        }
        if (c != null) {
            return null;
        }
        if (met[slot] != s) {
            met[slot] = s;
            return null;
        }
        if (!isPlain(s)) {
            return null;
        }
        byte[] q = ('"' + s + '"').getBytes(StandardCharsets.US_ASCII);
        quoted[slot] = q;
        cached[slot] = s;
        return q;
    }

    /** Forgets every string, as if new. */
    void clear() {
        Arrays.fill(met, null);
        Arrays.fill(cached, null);
        Arrays.fill(quoted, null);
    }

    private static boolean isPlain(String s) {
        int n = s.length();
        if (n > MAX_CACHED_LENGTH) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
