package dev.signals.sinks.json;

/**
 * The bounds every written value keeps to ({@code docs/format.md}, "Limits"), so that no value
 * (an endless iterable, a huge string, a map of millions of entries) can exhaust the heap or
 * stall a sink. Whatever is cut is marked with {@link #MARK}.
 */
public final class Limits {

    /** Characters (UTF-16 units) kept of a string or key; a longer one is cut and ends with {@link #MARK}. */
    public static final int MAX_STRING_CHARS = 16_384;
    /** Elements kept of an array or iterable, entries of a map; more are replaced by one {@link #MARK}. */
    public static final int MAX_ELEMENTS = 1_000;
    /** Bytes of one event line, its newline included. */
    public static final int MAX_LINE_BYTES = 1 << 20;
    /** What stands where something was cut: U+2026 HORIZONTAL ELLIPSIS. */
    public static final String MARK = "\u2026";

    private Limits() {
    }

    /**
     * The text of {@code text}, or of as much of it as {@link #cut} keeps and one character more
     * (so that it still cuts and marks it): a builder or a lazily made sequence of a gigabyte is
     * never copied whole.
     */
    public static String head(CharSequence text) {
        int length = text.length();
        return length <= MAX_STRING_CHARS ? text.toString() : text.subSequence(0, MAX_STRING_CHARS + 1).toString();
    }

    /** {@code s} itself when it is short enough, else its first characters followed by {@link #MARK}. */
    public static String cut(String s) {
        if (s == null || s.length() <= MAX_STRING_CHARS) {
            return s;
        }
        int end = MAX_STRING_CHARS;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--; // never split a surrogate pair
        }
        return s.substring(0, end) + MARK;
    }
}
