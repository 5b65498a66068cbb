package dev.signals.slf4j;

import dev.signals.Signal;
import dev.signals.Signals;
import java.util.List;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NormalizedParameters;
import org.slf4j.spi.LocationAwareLogger;
import org.slf4j.spi.LoggingEventAware;

/**
 * An SLF4J logger whose calls become Signals events (see {@link BridgeEvents} for the fields).
 *
 * <p>A level is enabled exactly when its signal is routed ({@link Signals#isRouted}) and not
 * below the logger's minimum severity ({@link Slf4jSignals#minSeverity}), so a call at a level
 * nobody listens to costs that one check; the message is formatted only after it.
 * The fluent API ({@code log.atInfo().addKeyValue("k", v).log(...)}) arrives through
 * {@link LoggingEventAware}, which keeps the key-value pairs as typed fields; bridges that
 * pass a caller boundary (jcl-over-slf4j, for one) arrive through {@link LocationAwareLogger}.
 */
final class SignalsLogger extends AbstractLogger implements LoggingEventAware, LocationAwareLogger {

    private static final long serialVersionUID = 1L;

    private final transient LoggerSignals signals;

    SignalsLogger(String name) {
        this.name = name;
        this.signals = new LoggerSignals(name);
    }

    private Signal signal(Level level) {
        LevelSignals s = signals.get();
        switch (level) {
            case TRACE: return s.trace();
            case DEBUG: return s.debug();
            case INFO: return s.info();
            case WARN: return s.warn();
            default: return s.error();
        }
    }

    @Override
    public boolean isTraceEnabled() {
        return LevelSignals.enabled(signals.get().trace());
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
        return isTraceEnabled();
    }

    @Override
    public boolean isDebugEnabled() {
        return LevelSignals.enabled(signals.get().debug());
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
        return isDebugEnabled();
    }

    @Override
    public boolean isInfoEnabled() {
        return LevelSignals.enabled(signals.get().info());
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
        return isInfoEnabled();
    }

    @Override
    public boolean isWarnEnabled() {
        return LevelSignals.enabled(signals.get().warn());
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
        return isWarnEnabled();
    }

    @Override
    public boolean isErrorEnabled() {
        return LevelSignals.enabled(signals.get().error());
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
        return isErrorEnabled();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null; // events carry no caller location: finding it costs a stack walk per call
    }

    /** Called by {@link AbstractLogger} once the level was found enabled. */
    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
                                               Throwable throwable) {
        try {
            Signal signal = signal(level);
            if (signal == null) {
                return; // the mapping turned the level off since it was checked
            }
            BridgeEvents.emit(signal, name, MessageFormatter.basicArrayFormat(messagePattern, arguments),
                    throwable, marker == null ? null : List.of(marker), null);
        } catch (Throwable t) {
            BridgeEvents.reportOnce(t);
        }
    }

    /** The fluent API's way in: markers, arguments, key-value pairs and cause, all at once. */
    @Override
    public void log(LoggingEvent event) {
        try {
            Signal signal = signal(event.getLevel());
            if (!LevelSignals.enabled(signal)) {
                return;
            }
            NormalizedParameters np = NormalizedParameters.normalize(event);
            BridgeEvents.emit(signal, name, MessageFormatter.basicArrayFormat(np), np.getThrowable(),
                    event.getMarkers(), event.getKeyValuePairs());
        } catch (Throwable t) {
            BridgeEvents.reportOnce(t);
        }
    }

    @Override
    public void log(Marker marker, String fqcn, int level, String message, Object[] argArray, Throwable t) {
        try {
            Signal signal = signal(Level.intToLevel(level));
            if (!LevelSignals.enabled(signal)) {
                return;
            }
            NormalizedParameters np = NormalizedParameters.normalize(message, argArray, t);
            BridgeEvents.emit(signal, name, MessageFormatter.basicArrayFormat(np), np.getThrowable(),
                    marker == null ? null : List.of(marker), null);
        } catch (Throwable e) {
            BridgeEvents.reportOnce(e);
        }
    }
}
