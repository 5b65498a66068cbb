package dev.signals.router;

import dev.signals.router.config.ConfigException;
import dev.signals.spi.Failures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Creates {@link Router#global()} on first use and configures it from the first of:
 * the {@code signals.config} system property, the {@code SIGNALS_CONFIG} environment
 * variable, {@code signals.json} on the class path, and the built-in default (console at INFO
 * and above). A config that fails is reported on stderr and the default is used instead, so an
 * application always logs. A shutdown hook closes the router within the configured shutdown
 * timeout, draining and flushing every sink; {@code -Dsignals.shutdownHook=false} leaves that to
 * the application (call {@code Router.global().close()} after your own shutdown work).
 */
final class GlobalRouter {

    static final String PROPERTY = "signals.config";
    static final String ENVIRONMENT = "SIGNALS_CONFIG";
    static final String CLASSPATH_NAME = "signals.json";
    static final String DEFAULT_RESOURCE = "/dev/signals/router/default-signals.json";
    /** {@code -Dsignals.shutdownHook=false}: the application closes the router itself, after its own shutdown work. */
    static final String HOOK_PROPERTY = "signals.shutdownHook";

    /**
     * Made when {@link dev.signals.Signals} first needs a dispatcher, configured only later:
     * configuring runs users' sink factories, and a factory (or a library it calls) that logs
     * would otherwise meet a half-initialised class.
     */
    static final Router INSTANCE = create();
    private static final AtomicBoolean CONFIGURED = new AtomicBoolean();

    private GlobalRouter() {
    }

    /**
     * The global router, configured: the first call configures it, on the calling thread; a
     * call made while that runs (from the configuring thread or another) returns at once, and
     * what is emitted meanwhile is held until the routes are in force.
     */
    static Router configured() {
        if (CONFIGURED.compareAndSet(false, true)) {
            try {
                configure(INSTANCE);
            } finally {
                INSTANCE.endStartup();
            }
        }
        return INSTANCE;
    }

    private static Router create() {
        Router router = new Router();
        router.startBuffering(new StartupBuffer(GlobalRouter::configured, router.err()));
        if (!Boolean.parseBoolean(System.getProperty(HOOK_PROPERTY, "true"))) {
            return router;
        }
        Thread hook = new Thread(router::close, "signals-shutdown");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            router.shutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Created during shutdown: nothing to hook; the caller's events still go out synchronously.
        }
        return router;
    }

    private static void configure(Router router) {
        configure(router, System.getProperty(PROPERTY), System.getenv(ENVIRONMENT),
                Thread.currentThread().getContextClassLoader());
    }

    /**
     * Configures {@code router} from the first source that is set.
     *
     * @return where the config in force came from
     */
    static String configure(Router router, String property, String environment, ClassLoader loader) {
        try {
            if (property != null && !property.isBlank()) {
                router.configure(Path.of(property));
                return property;
            }
            if (environment != null && !environment.isBlank()) {
                router.configure(Path.of(environment));
                return environment;
            }
            String onClassPath = resource(loader, CLASSPATH_NAME);
            if (onClassPath != null) {
                router.configure(onClassPath, "classpath:" + CLASSPATH_NAME);
                return "classpath:" + CLASSPATH_NAME;
            }
        } catch (ConfigException e) {
            router.err().println("Signals: config refused, using the built-in default: " + e.getMessage());
        } catch (RuntimeException | Error e) {
            // An OutOfMemoryError from a config too large for the heap too: an application always logs.
            router.err().println("Signals: config could not be applied, using the built-in default: " + Failures.describe(e));
        }
        applyDefault(router);
        return "<default>";
    }

    static void applyDefault(Router router) {
        try {
            String text;
            try (InputStream in = GlobalRouter.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            router.configure(text, "<default>");
        } catch (IOException | RuntimeException | Error e) {
            router.err().println("Signals: the default config could not be applied (" + Failures.describe(e)
                    + "); nothing is routed until routes are added in code. Is dev.signals:sinks on the class path?");
        }
    }

    private static String resource(ClassLoader loader, String name) {
        ClassLoader cl = loader != null ? loader : GlobalRouter.class.getClassLoader();
        try (InputStream in = cl.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("classpath:" + name, 0, 0, "", "cannot read: " + Failures.describe(e), e);
        }
    }
}
