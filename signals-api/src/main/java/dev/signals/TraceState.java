package dev.signals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The W3C {@code tracestate} of a trace: the other tracing systems' entries (list members), in
 * order, that a service passes on unchanged to the next. Immutable. Signals adds no member of
 * its own; it parses what comes in, drops what the W3C Trace Context (Level 2) processing model
 * says to drop, and writes the rest out again on the same trace.
 *
 * <ul>
 *   <li>A member is {@code key=value}. A key is 1 to 256 characters: a lowercase letter or a
 *       digit, then lowercase letters, digits, {@code _ - * / @} (so both {@code vendor} and
 *       multi-tenant {@code tenant@vendor} keys). A value is 1 to 256 printable ASCII characters
 *       (0x20 to 0x7E) other than {@code ,} and {@code =}, not ending in a space.</li>
 *   <li>Spaces and tabs around members, and empty members ({@code a=1,,b=2}, an empty header), are
 *       allowed and ignored.</li>
 *   <li>A malformed member, or more than {@value #MAX_MEMBERS} members, makes the whole list
 *       malformed: it is discarded (the {@code traceparent} is still continued).</li>
 *   <li>A key seen again is a duplicate: the first (left-most, most recent) member is kept, the
 *       later ones are dropped.</li>
 *   <li>Over {@value #MAX_LENGTH} characters written out, whole members are dropped: first
 *       those longer than {@value #LONG_MEMBER} characters, right-most first, then others from
 *       the right, until it fits.</li>
 * </ul>
 */
public final class TraceState {

    /** List members a tracestate holds at most; a list with more is malformed. */
    public static final int MAX_MEMBERS = 32;
    /** Characters of the combined header that are always passed on. */
    public static final int MAX_LENGTH = 512;
    /** Members longer than this are the first dropped when the header is over {@link #MAX_LENGTH}. */
    public static final int LONG_MEMBER = 128;

    private static final int MAX_KEY = 256;
    private static final int MAX_VALUE = 256;
    private static final TraceState EMPTY = new TraceState(Collections.emptyList(), Collections.emptyList());

    private final List<String> keys;
    private final List<String> values;
    private final String header;

    private TraceState(List<String> keys, List<String> values) {
        this.keys = keys;
        this.values = values;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(keys.get(i)).append('=').append(values.get(i));
        }
        this.header = b.toString();
    }

    /** The empty tracestate: what a new trace, or one continued without a {@code tracestate}, carries. */
    public static TraceState empty() {
        return EMPTY;
    }

    /**
     * Parses one {@code tracestate} header value; {@link #parse(Iterable)} for several header
     * lines.
     *
     * @return the tracestate, empty when {@code header} is null, empty or malformed
     */
    public static TraceState parse(String header) {
        return header == null ? EMPTY : parse(Collections.singletonList(header));
    }

    /**
     * Parses all {@code tracestate} header lines of a request, in their order: they are one
     * list, as if joined with commas.
     *
     * @return the tracestate, empty when there is none or the list is malformed
     */
    public static TraceState parse(Iterable<String> headerLines) {
        if (headerLines == null) {
            return EMPTY;
        }
        List<String> keys = new ArrayList<>();
        List<String> values = new ArrayList<>();
        int members = 0;
        for (String line : headerLines) {
            if (line == null) {
                continue;
            }
            int start = 0;
            while (start <= line.length()) {
                int comma = line.indexOf(',', start);
                int end = comma < 0 ? line.length() : comma;
                int from = skipOws(line, start, end);
                int to = trimOws(line, from, end);
                if (from < to) {
                    if (++members > MAX_MEMBERS) {
                        return EMPTY;
                    }
                    int eq = line.indexOf('=', from);
                    if (eq < 0 || eq >= to || !isKey(line, from, eq) || !isValue(line, eq + 1, to)) {
                        return EMPTY;
                    }
                    String key = line.substring(from, eq);
                    if (!keys.contains(key)) {
                        keys.add(key);
                        values.add(line.substring(eq + 1, to));
                    }
                }
                start = end + 1;
            }
        }
        if (keys.isEmpty()) {
            return EMPTY;
        }
        truncate(keys, values);
        return new TraceState(Collections.unmodifiableList(keys), Collections.unmodifiableList(values));
    }

    /** Drops whole members until the header fits in {@link #MAX_LENGTH}: long ones first, then from the right. */
    private static void truncate(List<String> keys, List<String> values) {
        int length = -1;
        for (int i = 0; i < keys.size(); i++) {
            length += memberLength(keys, values, i) + 1;
        }
        while (length > MAX_LENGTH) {
            int drop = keys.size() - 1;
            for (int i = keys.size() - 1; i >= 0; i--) {
                if (memberLength(keys, values, i) > LONG_MEMBER) {
                    drop = i;
                    break;
                }
            }
            length -= memberLength(keys, values, drop) + 1;
            keys.remove(drop);
            values.remove(drop);
        }
    }

    private static int memberLength(List<String> keys, List<String> values, int i) {
        return keys.get(i).length() + 1 + values.get(i).length();
    }

    private static int skipOws(String s, int from, int end) {
        while (from < end && isOws(s.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int trimOws(String s, int from, int end) {
        while (end > from && isOws(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isKey(String s, int from, int to) {
        int length = to - from;
        if (length < 1 || length > MAX_KEY || !isLowerAlphaOrDigit(s.charAt(from))) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            char c = s.charAt(i);
            if (!isLowerAlphaOrDigit(c) && c != '_' && c != '-' && c != '*' && c != '/' && c != '@') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerAlphaOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** A value: printable ASCII but {@code ,} and {@code =}; the last character not a space (trimmed already). */
    private static boolean isValue(String s, int from, int to) {
        int length = to - from;
        if (length < 1 || length > MAX_VALUE || s.charAt(to - 1) == ' ') {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == ',' || c == '=') {
                return false;
            }
        }
        return true;
    }

    /** True when there is no member. */
    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** The number of members. */
    public int size() {
        return keys.size();
    }

    /** The value of the member with this key, or {@code null}. */
    public String get(String key) {
        int i = keys.indexOf(key);
        return i < 0 ? null : values.get(i);
    }

    /** The members, key to value, left-most first; read-only. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            map.put(keys.get(i), values.get(i));
        }
        return Collections.unmodifiableMap(map);
    }

    /** The {@code tracestate} header value ({@code k1=v1,k2=v2}), empty when there is no member. */
    public String header() {
        return header;
    }

    /** Equal when the members and their order are. */
    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof TraceState && ((TraceState) o).header.equals(header));
    }

    @Override
    public int hashCode() {
        return header.hashCode();
    }

    /** The {@link #header()}. */
    @Override
    public String toString() {
        return header;
    }
}
