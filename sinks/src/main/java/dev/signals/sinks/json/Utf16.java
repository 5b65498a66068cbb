package dev.signals.sinks.json;

/**
 * Well-formed UTF-16 for output. A Java string may hold an unpaired surrogate (half of a
 * character outside the Basic Multilingual Plane), which has no UTF-8 encoding: written
 * as it is, it would make a line that is not valid UTF-8 and that strict JSON readers refuse.
 * Every string a Signals sink writes passes through {@link #clean(String)}, which replaces
 * each unpaired surrogate with U+FFFD REPLACEMENT CHARACTER and keeps valid pairs (emoji and
 * the like) intact.
 */
public final class Utf16 {

    /** What an unpaired surrogate becomes. */
    public static final char REPLACEMENT = '\uFFFD';

    private Utf16() {
    }

    /** True when {@code s} holds no unpaired surrogate. */
    public static boolean isWellFormed(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
                continue; // the common case: one comparison per character
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            return false;
        }
        return true;
    }

    /**
     * {@code s} itself when it is well formed (no copy), else a copy in which every unpaired
     * surrogate is replaced with {@link #REPLACEMENT}. {@code null} stays {@code null}.
     */
    public static String clean(String s) {
        if (s == null || isWellFormed(s)) {
            return s;
        }
        int n = s.length();
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!Character.isSurrogate(c)) {
                sb.append(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else {
                sb.append(REPLACEMENT);
            }
        }
        return sb.toString();
    }
}
