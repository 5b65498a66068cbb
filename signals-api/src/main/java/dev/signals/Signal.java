package dev.signals;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
 */
public final class Signal {

    private static final ConcurrentHashMap<String, Signal> REGISTRY = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT_ID = new AtomicInteger();

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

    private Signal(String name, Severity severity, int id) {
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
        Signal existing = REGISTRY.get(name);
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
        Signal existing = REGISTRY.get(name);
        if (existing == null) {
            existing = REGISTRY.computeIfAbsent(name, n -> new Signal(n, severity, NEXT_ID.getAndIncrement()));
        }
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

    /** The signal with this name if it has been declared, else {@code null}. */
    public static Signal lookup(String name) {
        return name == null ? null : REGISTRY.get(name);
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
     * A small dense number unique to this signal in this JVM, assigned in order of declaration.
     * Routers index their per-signal caches with it.
     */
    public int id() {
        return id;
    }

    @Override
    public String toString() {
        return name;
    }
}
