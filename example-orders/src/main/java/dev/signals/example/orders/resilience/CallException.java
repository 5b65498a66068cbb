package dev.signals.example.orders.resilience;

/**
 * A call to another service that did not succeed, and why: what decides whether it is retried,
 * whether it counts against a circuit breaker, and the cause an order is cancelled with.
 */
public final class CallException extends Exception {

    /** Why a call failed. */
    public enum Kind {
        /** No answer within the timeout. Retried; counts against a breaker. */
        TIMEOUT("timeout", true),
        /** Connection refused or reset, or a 5xx answer. Retried; counts against a breaker. */
        UNAVAILABLE("unavailable", true),
        /** A 4xx answer: the callee said no (declined, out of stock…). Not retried; the callee is healthy. */
        REJECTED("rejected", false),
        /** An open circuit breaker refused the call without making it. Not retried. */
        CIRCUIT_OPEN("circuit_open", false);

        private final String cause;
        private final boolean transientFault;

        Kind(String cause, boolean transientFault) {
            this.cause = cause;
            this.transientFault = transientFault;
        }

        /** The word events and cancellation reasons use. */
        public String cause() {
            return cause;
        }
    }

    private final Kind kind;
    private final int status;
    private final String code;
    private final int attempts;

    /**
     * @param kind why the call failed
     * @param status the HTTP status, or 0 when there was no answer
     * @param code the callee's error code ({@code declined}, {@code out_of_stock}…), or {@code null}
     * @param message a description
     */
    public CallException(Kind kind, int status, String code, String message) {
        this(kind, status, code, message, null);
    }

    public CallException(Kind kind, int status, String code, String message, Throwable cause) {
        this(kind, status, code, message, cause, 1);
    }

    private CallException(Kind kind, int status, String code, String message, Throwable cause, int attempts) {
        super(message, cause, false, false);
        this.kind = kind;
        this.status = status;
        this.code = code;
        this.attempts = attempts;
    }

    /** This failure, as the last of {@code n} attempts. */
    public CallException afterAttempts(int n) {
        return n == attempts ? this : new CallException(kind, status, code, getMessage(), getCause(), n);
    }

    /** How many attempts were made before giving up (1 unless retried). */
    public int attempts() {
        return attempts;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** The callee's error code for a rejection, or {@code null}. */
    public String code() {
        return code;
    }

    /** Whether trying again may help (timeouts and unavailability). */
    public boolean retryable() {
        return kind.transientFault;
    }

    /** Whether the failure says the callee is unhealthy, so a breaker should count it. */
    public boolean countsAgainstBreaker() {
        return kind.transientFault;
    }

    /** The cause in one word: the callee's code for a rejection, else the kind's word. */
    public String cause() {
        return kind == Kind.REJECTED && code != null ? code : kind.cause();
    }
}
