package dev.signals.benchmarks.compare;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import dev.signals.Severity;
import dev.signals.router.Router;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SLF4J call as a library makes it, through Signals' SLF4J provider and through Logback,
 * side by side: a {@code debug} call at a level that is off, and an {@code info} call that is on
 * and reaches a sink (an appender) that only hands the event to a {@link Blackhole}. Measured in
 * ns/op, and in B/op with {@code -prof gc}.
 *
 * <p>Both providers are on the class path, so each fork names its own with
 * {@code -Dslf4j.provider} (SLF4J would otherwise bind the first it finds, and say so). Signals
 * runs under two configs ({@link SignalsState#config}):
 * <ul>
 *   <li>{@code default}: the built-in default's shape ({@code "loggers": {"ROOT": "INFO"}} and
 *       {@code *} routed at every severity, as to its time-travel buffer), the sink in place of
 *       its sinks: the debug call is off at the source by its level;</li>
 *   <li>{@code configured}: a config of one's own with no {@code "loggers"} and {@code *} routed
 *       at INFO and above: the debug call is off because no route takes DEBUG.</li>
 * </ul>
 * Logback: the root logger at INFO, an {@link UnsynchronizedAppenderBase} (Logback's cheapest
 * appender base) as the only appender, with and without asking for the message text
 * ({@link LogbackFormatting}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Slf4jCompare {

    /** A library's logger name: not the application's, so the config's levels apply to it. */
    static final String LOGGER = "org.example.library.Client";
    static final String MESSAGE = "request {} sent to {}";
    static final String SIGNALS = "-Dslf4j.provider=dev.signals.slf4j.SignalsServiceProvider";
    static final String LOGBACK = "-Dslf4j.provider=ch.qos.logback.classic.spi.LogbackServiceProvider";

    @State(Scope.Benchmark)
    public static class SignalsState {
        @Param({"default", "configured"})
        public String config;

        Logger logger;

        @Setup(Level.Trial)
        public void setUp(Blackhole blackhole) {
            Router router = Router.global();
            if ("default".equals(config)) {
                router.configure("{\"loggers\": {\"ROOT\": \"INFO\"}}", "default-shape");
                router.route("*", blackhole::consume);
            } else {
                router.configure("{}", "configured");
                router.route("*", Severity.INFO, blackhole::consume);
            }
            logger = check(LoggerFactory.getLogger(LOGGER), "dev.signals.slf4j.SignalsLogger");
        }
    }

    /** Logback with an appender that consumes the event as it comes. */
    @State(Scope.Benchmark)
    public static class LogbackState {
        Logger logger;

        /**
         * Whether the appender asks for the message text first, as every real appender does
         * (Logback formats on demand, where Signals formats at the call: its event is immutable).
         */
        boolean formatting() {
            return false;
        }

        @Setup(Level.Trial)
        public void setUp(Blackhole blackhole) {
            boolean formatting = formatting();
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            root.detachAndStopAllAppenders();
            root.setLevel(ch.qos.logback.classic.Level.INFO);
            UnsynchronizedAppenderBase<ILoggingEvent> appender = new UnsynchronizedAppenderBase<>() {
                @Override
                protected void append(ILoggingEvent event) {
                    blackhole.consume(formatting ? event.getFormattedMessage() : event);
                }
            };
            appender.setContext(context);
            appender.setName("blackhole");
            appender.start();
            root.addAppender(appender);
            logger = check(LoggerFactory.getLogger(LOGGER), "ch.qos.logback.classic.Logger");
        }
    }

    /** Logback with an appender that formats the message, then consumes it. */
    @State(Scope.Benchmark)
    public static class LogbackFormatting extends LogbackState {
        @Override
        boolean formatting() {
            return true;
        }
    }

    /** Refuses to measure when SLF4J bound another provider, or the levels are not as described. */
    static Logger check(Logger logger, String expectedClass) {
        if (!logger.getClass().getName().equals(expectedClass) || logger.isDebugEnabled() || !logger.isInfoEnabled()) {
            throw new IllegalStateException("the benchmark configuration is not in force: " + logger.getClass().getName()
                    + ", debug " + logger.isDebugEnabled() + ", info " + logger.isInfoEnabled());
        }
        return logger;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", SIGNALS})
    public void signals_disabledDebug(SignalsState s) {
        s.logger.debug(MESSAGE, "r-1", "orders");
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", SIGNALS})
    public void signals_enabledInfo(SignalsState s) {
        s.logger.info(MESSAGE, "r-1", "orders");
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", LOGBACK})
    public void logback_disabledDebug(LogbackState s) {
        s.logger.debug(MESSAGE, "r-1", "orders");
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", LOGBACK})
    public void logback_enabledInfo(LogbackState s) {
        s.logger.info(MESSAGE, "r-1", "orders");
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", LOGBACK})
    public void logback_enabledInfoFormatted(LogbackFormatting s) {
        s.logger.info(MESSAGE, "r-1", "orders");
    }
}
