package dev.signals.otel;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import java.util.Objects;

/**
 * Chooses the OpenTelemetry that Signals spans and the {@code otel-*} sinks use, and reports
 * it. In order:
 * <ol>
 *   <li>the instance given to {@link #install(OpenTelemetry)};</li>
 *   <li>{@link GlobalOpenTelemetry} once it is set: by the application, by the Java agent, or by
 *       the SDK autoconfigure module when {@code otel.java.global-autoconfigure.enabled} is true;</li>
 *   <li>none: Signals spans keep Signals' own W3C ids and are not exported.</li>
 * </ol>
 *
 * <p>Signals never calls {@link GlobalOpenTelemetry#get()} before the global instance is set,
 * because that would fix it to a no-op for the rest of the process and make the application's
 * own {@code GlobalOpenTelemetry.set} fail.
 */
public final class OtelTracing {

    /** The instrumentation scope of the spans and log records Signals makes. */
    public static final String INSTRUMENTATION_SCOPE = "dev.signals";

    private static final String AUTOCONFIGURE_PROPERTY = "otel.java.global-autoconfigure.enabled";
    private static final String AUTOCONFIGURE_ENV = "OTEL_JAVA_GLOBAL_AUTOCONFIGURE_ENABLED";

    private static volatile OpenTelemetry installed;
    private static volatile TracerRef tracer;

    private OtelTracing() {
    }

    /**
     * Makes Signals spans spans of {@code openTelemetry} from now on, whatever the global
     * instance is. For applications that build their SDK by hand without registering it
     * globally, and for tests.
     */
    public static void install(OpenTelemetry openTelemetry) {
        installed = Objects.requireNonNull(openTelemetry, "openTelemetry");
    }

    /** Undoes {@link #install}: back to the global instance, if any. */
    public static void uninstall() {
        installed = null;
    }

    /**
     * The OpenTelemetry in use now, or {@code null} when none is installed or set globally.
     */
    public static OpenTelemetry openTelemetry() {
        OpenTelemetry mine = installed;
        if (mine != null) {
            return mine;
        }
        if (GlobalOpenTelemetry.isSet() || autoconfigureRequested()) {
            return GlobalOpenTelemetry.get();
        }
        return null;
    }

    /** The tracer Signals uses with {@code openTelemetry}, made once per instance. */
    static Tracer tracer(OpenTelemetry openTelemetry) {
        TracerRef ref = tracer;
        if (ref == null || ref.openTelemetry != openTelemetry) {
            ref = new TracerRef(openTelemetry, openTelemetry.getTracer(INSTRUMENTATION_SCOPE));
            tracer = ref;
        }
        return ref.tracer;
    }

    private static boolean autoconfigureRequested() {
        String value = System.getProperty(AUTOCONFIGURE_PROPERTY);
        if (value == null) {
            value = System.getenv(AUTOCONFIGURE_ENV);
        }
        return Boolean.parseBoolean(value);
    }

    /** A tracer and the instance it came from, swapped as one. */
    private static final class TracerRef {
        final OpenTelemetry openTelemetry;
        final Tracer tracer;

        TracerRef(OpenTelemetry openTelemetry, Tracer tracer) {
            this.openTelemetry = openTelemetry;
            this.tracer = tracer;
        }
    }
}
