package dev.signals;

import java.util.Objects;

/**
 * The W3C trace context of a span: a 32-hex-digit trace id, a 16-hex-digit span id, the trace
 * flags ({@link #SAMPLED} and {@link #RANDOM}), the {@link TraceState} other tracing systems
 * keep in the trace, and whether the span lives in another process ({@link #remote()}: the
 * context was read from a {@code traceparent} header). Immutable.
 *
 * <p>Only the flags the W3C Trace Context Level 2 defines are kept: other bits of an incoming
 * {@code traceparent} are dropped, so they are never passed on.
 */
public final class TraceContext {

    /** Trace flag: the trace is recorded ({@code traceparent} flags {@code 01}). */
    public static final int SAMPLED = 0x01;
    /** Trace flag: the trace id's right-most 7 bytes are random ({@code traceparent} flags {@code 02}, Level 2). */
    public static final int RANDOM = 0x02;
    /** The flags this version knows and passes on. */
    private static final int KNOWN_FLAGS = SAMPLED | RANDOM;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String traceId;
    private final String spanId;
    private final int flags;
    private final boolean remote;
    private final TraceState traceState;

    private TraceContext(String traceId, String spanId, int flags, boolean remote, TraceState traceState) {
        this.traceId = traceId;
        this.spanId = spanId;
        this.flags = flags & KNOWN_FLAGS;
        this.remote = remote;
        this.traceState = traceState == null ? TraceState.empty() : traceState;
    }

    /**
     * A context of a span in this process, from ids in W3C form, with no flag but sampled and an
     * empty tracestate.
     *
     * @throws IllegalArgumentException when an id is not lowercase hex of the right length or is all zeros
     */
    public static TraceContext of(String traceId, String spanId, boolean sampled) {
        return of(traceId, spanId, sampled, false);
    }

    /**
     * A context from ids in W3C form, with no flag but sampled and an empty tracestate.
     *
     * @param remote true when the span lives in another process
     * @throws IllegalArgumentException when an id is not lowercase hex of the right length or is all zeros
     */
    public static TraceContext of(String traceId, String spanId, boolean sampled, boolean remote) {
        return of(traceId, spanId, sampled ? SAMPLED : 0, remote, TraceState.empty());
    }

    /**
     * A context from ids in W3C form, trace flags and a tracestate.
     *
     * @param flags the W3C trace flags; bits other than {@link #SAMPLED} and {@link #RANDOM} are dropped
     * @param remote true when the span lives in another process
     * @param traceState the trace's tracestate; {@code null} for none
     * @throws IllegalArgumentException when an id is not lowercase hex of the right length or is all zeros
     */
    public static TraceContext of(String traceId, String spanId, int flags, boolean remote, TraceState traceState) {
        if (!isValidId(traceId, 32)) {
            throw new IllegalArgumentException("invalid trace id '" + traceId + "': need 32 lowercase hex digits, not all zero");
        }
        if (!isValidId(spanId, 16)) {
            throw new IllegalArgumentException("invalid span id '" + spanId + "': need 16 lowercase hex digits, not all zero");
        }
        return new TraceContext(traceId, spanId, flags, remote, traceState);
    }

    /** A local context from ids this package made itself and knows to be valid: no second check. */
    static TraceContext local(String traceId, String spanId, int flags, TraceState traceState) {
        return new TraceContext(traceId, spanId, flags, false, traceState);
    }

    /**
     * Parses a W3C {@code traceparent} header ({@code 00-<trace id>-<span id>-<flags>}). The
     * context is {@link #remote()}, with an empty tracestate; {@link TraceHeaders#read} reads
     * {@code tracestate} too.
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
        return new TraceContext(traceId, spanId, Integer.parseInt(flags, 16), true, TraceState.empty());
    }

    /** This context with {@code state} as its tracestate. */
    TraceContext withTraceState(TraceState state) {
        return new TraceContext(traceId, spanId, flags, remote, state);
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
        return (flags & SAMPLED) != 0;
    }

    /**
     * True when the trace id is random (W3C Level 2 flag {@code 02}): set on the traces Signals
     * starts, kept from the caller on a continued trace, inherited by children.
     */
    public boolean random() {
        return (flags & RANDOM) != 0;
    }

    /** The W3C trace flags: {@link #SAMPLED} and {@link #RANDOM}, no other bit. */
    public int flags() {
        return flags;
    }

    /** The trace's tracestate, passed on to children and on outgoing calls; never {@code null}. */
    public TraceState traceState() {
        return traceState;
    }

    /** True when the span lives in another process: the context came from a {@code traceparent} header. */
    public boolean remote() {
        return remote;
    }

    /** This context as a W3C {@code traceparent} header value, with the known flags only. */
    public String traceparent() {
        return "00-" + traceId + "-" + spanId + "-" + HEX[flags >> 4] + HEX[flags & 0xF];
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

    /** Equal when ids, flags, tracestate and {@link #remote()} are. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TraceContext)) {
            return false;
        }
        TraceContext t = (TraceContext) o;
        return traceId.equals(t.traceId) && spanId.equals(t.spanId) && flags == t.flags && remote == t.remote
                && traceState.equals(t.traceState);
    }

    @Override
    public int hashCode() {
        return Objects.hash(traceId, spanId, flags, remote, traceState);
    }

    /** The {@code traceparent} form. */
    @Override
    public String toString() {
        return traceparent();
    }
}
