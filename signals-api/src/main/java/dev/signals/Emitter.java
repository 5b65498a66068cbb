package dev.signals;

/**
 * Emits events that all carry the same bound fields, such as the service name. Obtained from
 * {@link Signals#with(Field...)}; immutable and safe to share between threads.
 */
public final class Emitter {

    private final Field[] bound;

    Emitter(Field[] bound) {
        this.bound = bound;
    }

    /** An emitter carrying this one's fields and {@code more}; nulls in {@code more} are ignored. */
    public Emitter with(Field... more) {
        return new Emitter(ThreadContext.concat(bound, Signals.nonNull(more)));
    }

    public void emit(Signal signal, String message, Field... fields) {
        Signals.emit(signal, message, bound, fields);
    }

    public void trace(String message, Field... fields) {
        Signals.emit(Signal.TRACE, message, bound, fields);
    }

    public void debug(String message, Field... fields) {
        Signals.emit(Signal.DEBUG, message, bound, fields);
    }

    public void info(String message, Field... fields) {
        Signals.emit(Signal.INFO, message, bound, fields);
    }

    public void warn(String message, Field... fields) {
        Signals.emit(Signal.WARN, message, bound, fields);
    }

    public void error(String message, Field... fields) {
        Signals.emit(Signal.ERROR, message, bound, fields);
    }

    public void fatal(String message, Field... fields) {
        Signals.emit(Signal.FATAL, message, bound, fields);
    }
}
