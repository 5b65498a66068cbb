package dev.signals.sinks.json;

/**
 * Whether the value being written lost something to a {@link Limits limit}: the encoders mark
 * it, the writer takes the mark once per top-level value to count it in {@code _truncated}.
 * One per writer; not thread-safe.
 */
final class Cuts {

    private boolean cut;

    /** {@link Limits#cut(String)}, noting the cut. */
    String string(String s) {
        String kept = Limits.cut(s);
        if (kept != s) {
            cut = true;
        }
        return kept;
    }

    void mark() {
        cut = true;
    }

    /** Whether something was cut since the last call. */
    boolean take() {
        boolean was = cut;
        cut = false;
        return was;
    }
}
