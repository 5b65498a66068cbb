package dev.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.spi.BridgedSpan;
import dev.signals.spi.CapturedContext;
import dev.signals.spi.TraceBridge;
import dev.signals.spi.TraceBridgeProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the trace bridge is found through ServiceLoader. */
class TraceBridgeLoadingTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @Test
    void noProviderMeansNoBridgeAndNoNoise() throws IOException {
        assertNull(ThreadContext.load(loaderListing(), err));
        assertEquals("", errBytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theProviderWithTheHighestPriorityWinsAndTheChoiceIsReported() throws IOException {
        TraceBridge bridge = ThreadContext.load(loaderListing(Low.class, High.class), err);
        assertSame(High.BRIDGE, bridge);
        String said = errBytes.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("several trace bridge providers") && said.contains("using " + High.class.getName()), said);
    }

    @Test
    void aFailingProviderIsReportedAndIgnored() throws IOException {
        assertNull(ThreadContext.load(loaderListing(Failing.class), err));
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("failed"));
        errBytes.reset();
        assertNull(ThreadContext.load(loaderListing("dev.signals.NoSuchProvider"), err));
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("failed to load"));
    }

    @Test
    void aBrokenEntryIsSkippedAndTheNextProviderStillLoads() throws IOException {
        Object[][] cases = {
            {"dev.signals.NoSuchProvider", High.class},
            {ThrowingInit.class, High.class},
            {ThrowingConstructor.class, "dev.signals.AnotherMissing", High.class},
        };
        for (Object[] listing : cases) {
            errBytes.reset();
            assertSame(High.BRIDGE, ThreadContext.load(loaderListing(listing), err));
            String said = errBytes.toString(StandardCharsets.UTF_8);
            assertTrue(said.contains("failed to load and is skipped"), said);
        }
    }

    private ClassLoader loaderListing(Object... providers) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        StringBuilder lines = new StringBuilder();
        for (Object p : providers) {
            lines.append(p instanceof Class ? ((Class<?>) p).getName() : p).append('\n');
        }
        Files.writeString(services.resolve(TraceBridgeProvider.class.getName()), lines);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }

    /** A bridge that never starts anything. */
    static final class Idle implements TraceBridge {
        @Override
        public BridgedSpan startSpan(String name, TraceContext parent, List<Field> attributes) {
            return null;
        }

        @Override
        public TraceContext currentContext() {
            return null;
        }

        @Override
        public CapturedContext captureContext() {
            return null;
        }
    }

    public static final class Low implements TraceBridgeProvider {
        @Override
        public TraceBridge bridge() {
            return new Idle();
        }
    }

    public static final class High implements TraceBridgeProvider {
        static final TraceBridge BRIDGE = new Idle();

        @Override
        public TraceBridge bridge() {
            return BRIDGE;
        }

        @Override
        public int priority() {
            return 10;
        }
    }

    public static final class Failing implements TraceBridgeProvider {
        @Override
        public TraceBridge bridge() {
            throw new IllegalStateException("no SDK");
        }
    }

    /** Its class initializer fails: loading it throws ExceptionInInitializerError. */
    public static final class ThrowingInit implements TraceBridgeProvider {
        static final int BOOM = Integer.parseInt("not a number");

        @Override
        public TraceBridge bridge() {
            return new Idle();
        }
    }

    public static final class ThrowingConstructor implements TraceBridgeProvider {
        public ThrowingConstructor() {
            throw new NoClassDefFoundError("io/missing/Sdk");
        }

        @Override
        public TraceBridge bridge() {
            return new Idle();
        }
    }
}
