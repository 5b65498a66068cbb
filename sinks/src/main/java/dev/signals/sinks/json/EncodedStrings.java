package dev.signals.sinks.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The escaped UTF-8 of strings a writer meets again and again — signal names, keys, thread
 * names, constant messages — so that each is escaped once instead of on every event.
 *
 * <p>Strings are found by identity in a fixed number of slots: a string is encoded the second
 * time the same instance is met in its slot, so strings built afresh for each event never
 * allocate an encoding, and the table never grows. An encoded string keeps its slot: two hot
 * strings sharing a slot leave the second one uncached rather than re-encode them in turn. Only printable ASCII without quotes or
 * backslashes is kept, whose escaped form is the string itself under every escaping rule, so
 * jackson's {@link SerializedString} writes exactly what the writer's own escapes would.
 * Not thread-safe: one per writer.
 */
final class EncodedStrings {

    private static final int SLOTS = 512;
    private static final int MAX_CACHED_LENGTH = 256;

    private final String[] met = new String[SLOTS];
    private final SerializedString[] encoded = new SerializedString[SLOTS];

    /** The encoded form of {@code s} when it is cached (or now becomes so), else {@code null}. */
    SerializableString find(String s) {
        int slot = s.hashCode() & (SLOTS - 1);
        SerializedString e = encoded[slot];
        if (e != null && e.getValue() == s) {
            return e;
        }
        if (e != null) {
            return null;
        }
        if (met[slot] != s) {
            met[slot] = s;
            return null;
        }
        if (!isPlain(s)) {
            return null;
        }
        e = new SerializedString(s);
        encoded[slot] = e;
        return e;
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
