package dev.signals;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A named kind of event, such as {@code ORDER_CREATED}, with a fixed severity.
 *
 * <p>Signals are interned: {@code Signal.of("X") == Signal.of("X")}. Declare them once as
 * constants and emit them with {@link Signals#emit}. The six levels are signals too
 * ({@link #TRACE} … {@link #FATAL}), so a level shortcut such as {@link Signals#info} is
 * just an emit of {@link #INFO}.
 *
 * <p>Names are 1 to 128 characters of {@code A-Z a-z 0-9 _ . -}, so that a signal name is
 * always safe in a file name, a route pattern and a JSON key without escaping.
 *
 * <p>The first {@value #NAME_LIMIT} names declared in a JVM are kept for good. Names beyond
 * that (names built from data, most likely) are kept only while something references their
 * signal: {@code Signal.of("X") == Signal.of("X")} still holds whenever both can be compared,
 * and such signals are routed exactly like the others, but a name no one references any more is
 * forgotten, and declaring it again makes a new signal with the severity of that declaration.
 * The first name beyond the limit is reported once on stderr; {@link #declaredBeyondLimit()}
 * counts them.
 */
public final class Signal {

    /** How many signal names a JVM keeps for good, each with a dense {@link #id()}. */
    public static final int NAME_LIMIT = 65_536;

    /**
     * The {@link #id()} of every signal declared beyond {@link #NAME_LIMIT}: larger than any
     * dense id, so a cache indexed by id never has a slot for it. Such signals share this id
     * and are told apart by identity only.
     */
    public static final int UNCACHED_ID = Integer.MAX_VALUE;

    // Before the level constants below, which are declared through it.
    private static final SignalNames NAMES = new SignalNames(NAME_LIMIT, System.err);

    public static final Signal TRACE = of("TRACE", Severity.TRACE);
    public static final Signal DEBUG = of("DEBUG", Severity.DEBUG);
    public static final Signal INFO = of("INFO", Severity.INFO);
    public static final Signal WARN = of("WARN", Severity.WARN);
    public static final Signal ERROR = of("ERROR", Severity.ERROR);
    public static final Signal FATAL = of("FATAL", Severity.FATAL);

    private final String name;
    private final Severity severity;
    private final int id;
    /** Set once the first conflicting redeclaration is reported, so stderr says it once. */
    private final AtomicBoolean conflictReported = new AtomicBoolean();

    Signal(String name, Severity severity, int id) {
        this.name = name;
        this.severity = severity;
        this.id = id;
    }

    /**
     * The signal with this name; declared at {@link Severity#INFO} when it is new.
     *
     * @throws IllegalArgumentException when the name is not a valid signal name
     */
    public static Signal of(String name) {
        validateName(name);
        Signal existing = NAMES.find(name);
        return existing != null ? existing : of(name, Severity.INFO);
    }

    /**
     * The signal with this name and severity.
     *
     * <p>When the signal already exists with another severity, the first declaration is kept and
     * the conflict is reported once on stderr: this is often called from a static initializer,
     * where an exception would make the declaring class unusable.
     *
     * @throws IllegalArgumentException when the name is invalid
     */
    public static Signal of(String name, Severity severity) {
        Objects.requireNonNull(severity, "severity");
        validateName(name);
        Signal existing = NAMES.declare(name, severity);
        if (existing.severity != severity && existing.conflictReported.compareAndSet(false, true)) {
            System.err.println("signals: signal " + name + " is already declared with severity "
                    + existing.severity + "; a declaration as " + severity + " is ignored");
        }
        return existing;
    }

    /** The signal for a level: {@code forSeverity(Severity.WARN) == Signal.WARN}. */
    public static Signal forSeverity(Severity severity) {
        switch (severity) {
            case TRACE: return TRACE;
            case DEBUG: return DEBUG;
            case INFO: return INFO;
            case WARN: return WARN;
            case ERROR: return ERROR;
            default: return FATAL;
        }
    }

    /**
     * The signal with this name if it has been declared (and, beyond {@link #NAME_LIMIT}, is
     * still referenced), else {@code null}.
     */
    public static Signal lookup(String name) {
        return name == null ? null : NAMES.find(name);
    }

    /**
     * How many signals were declared beyond {@link #NAME_LIMIT} in this JVM; a name forgotten
     * and declared again counts again. Above 0 means names are being built from data.
     */
    public static long declaredBeyondLimit() {
        return NAMES.declaredBeyond();
    }

    /** True when {@code name} may name a signal. */
    public static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || name.length() > 128) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static void validateName(String name) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("invalid signal name '" + name
                    + "': use 1 to 128 characters of A-Z a-z 0-9 _ . -");
        }
    }

    public String name() {
        return name;
    }

    public Severity severity() {
        return severity;
    }

    /**
     * A small dense number unique to this signal in this JVM, assigned in order of declaration,
     * below {@link #NAME_LIMIT}; routers index their per-signal caches with it. Every signal
     * declared beyond the limit answers {@link #UNCACHED_ID} instead: a cache indexed by id must
     * not keep anything for that id.
     */
    public int id() {
        return id;
    }

    @Override
    public String toString() {
        return name;
    }
}
