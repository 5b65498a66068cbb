package dev.signals;

import java.util.Objects;

/**
 * The W3C trace context of a span: a 32-hex-digit trace id, a 16-hex-digit span id, the sampled
 * flag, and whether the span lives in another process ({@link #remote()}: the context was read
 * from a {@code traceparent} header). Immutable.
 */
public final class TraceContext {

    private final String traceId;
    private final String spanId;
    private final boolean sampled;
    private final boolean remote;

    private TraceContext(String traceId, String spanId, boolean sampled, boolean remote) {
        this.traceId = traceId;
        this.spanId = spanId;
        this.sampled = sampled;
        this.remote = remote;
    }

    /**
     * A context of a span in this process, from ids in W3C form.
     *
     * @throws IllegalArgumentException when an id is not lowercase hex of the right length or is all zeros
     */
    public static TraceContext of(String traceId, String spanId, boolean sampled) {
        return of(traceId, spanId, sampled, false);
    }

    /**
     * A context from ids in W3C form.
     *
     * @param remote true when the span lives in another process
     * @throws IllegalArgumentException when an id is not lowercase hex of the right length or is all zeros
     */
    public static TraceContext of(String traceId, String spanId, boolean sampled, boolean remote) {
        if (!isValidId(traceId, 32)) {
            throw new IllegalArgumentException("invalid trace id '" + traceId + "': need 32 lowercase hex digits, not all zero");
        }
        if (!isValidId(spanId, 16)) {
            throw new IllegalArgumentException("invalid span id '" + spanId + "': need 16 lowercase hex digits, not all zero");
        }
        return new TraceContext(traceId, spanId, sampled, remote);
    }

    /** A local context from ids this package made itself and knows to be valid: no second check. */
    static TraceContext local(String traceId, String spanId, boolean sampled) {
        return new TraceContext(traceId, spanId, sampled, false);
    }

    /**
     * Parses a W3C {@code traceparent} header ({@code 00-<trace id>-<span id>-<flags>}). The
     * context is {@link #remote()}.
     *
     * @return the context, or {@code null} when the header is absent or malformed (a bad
     *     header from another service must never fail the request that carries it)
     */
    public static TraceContext fromTraceparent(String header) {
        if (header == null) {
            return null;
        }
        String h = header.trim();
        if (h.length() < 55 || h.charAt(2) != '-' || h.charAt(35) != '-' || h.charAt(52) != '-') {
            return null;
        }
        String version = h.substring(0, 2);
        if (!isHex(version) || version.equals("ff") || (version.equals("00") && h.length() != 55)
                || (h.length() > 55 && h.charAt(55) != '-')) {
            return null;
        }
        String traceId = h.substring(3, 35);
        String spanId = h.substring(36, 52);
        String flags = h.substring(53, 55);
        if (!isValidId(traceId, 32) || !isValidId(spanId, 16) || !isHex(flags)) {
            return null;
        }
        boolean sampled = (Integer.parseInt(flags, 16) & 1) == 1;
        return new TraceContext(traceId, spanId, sampled, true);
    }

    /** The trace id: 32 lowercase hex digits, not all zeros. */
    public String traceId() {
        return traceId;
    }

    /** The span id: 16 lowercase hex digits, not all zeros. */
    public String spanId() {
        return spanId;
    }

    /** True when the trace is recorded (W3C flag {@code 01}); a child inherits its parent's choice. */
    public boolean sampled() {
        return sampled;
    }

    /** True when the span lives in another process: the context came from a {@code traceparent} header. */
    public boolean remote() {
        return remote;
    }

    /** This context as a W3C {@code traceparent} header value. */
    public String traceparent() {
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }

    static boolean isValidId(String id, int length) {
        if (id == null || id.length() != length || !isHex(id)) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (id.charAt(i) != '0') {
                return true;
            }
        }
        return false;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** Equal when ids, sampled flag and {@link #remote()} are. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TraceContext)) {
            return false;
        }
        TraceContext t = (TraceContext) o;
        return traceId.equals(t.traceId) && spanId.equals(t.spanId) && sampled == t.sampled && remote == t.remote;
    }

    @Override
    public int hashCode() {
        return Objects.hash(traceId, spanId, sampled, remote);
    }

    /** The {@code traceparent} form. */
    @Override
    public String toString() {
        return traceparent();
    }
}
