package dev.signals.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.example.orders.chaos.ChaosLevel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaultsAreAThirtySecondAllInOneRun() {
        Options o = Options.parse();
        assertEquals(Duration.ofSeconds(30), o.duration());
        assertEquals(0, o.orders());
        assertNull(o.service());
        assertEquals(ChaosLevel.MEDIUM, o.chaos());
        assertEquals(Map.of(), o.ports());
        assertEquals("127.0.0.1", o.host());
        assertNull(o.config());
        assertNull(o.snapshotDir(), "the config's own directory");
        assertNull(o.logsDir(), "the config's own paths");
    }

    @Test
    void parsesEveryFlagInBothForms() {
        Options o = Options.parse("--duration=2m", "--rate", "12.5", "--orders", "100", "--peak=2", "--seed", "9",
                "--chaos", "HIGH", "--chaos-set", "payment.failure=0.2,notification.failure=0.5",
                "--ports", "order=8080,payment=8083", "--config", "my.json", "--summary", "stderr",
                "--snapshot-dir", "out/snaps", "--logs-dir=out/logs");
        assertEquals(Duration.ofMinutes(2), o.duration());
        assertEquals(12.5, o.rate());
        assertEquals(100, o.orders());
        assertEquals(2, o.peak());
        assertEquals(9, o.seed());
        assertEquals(ChaosLevel.HIGH, o.chaos());
        assertEquals(Map.of("payment.failure", "0.2", "notification.failure", "0.5"), o.chaosOverrides());
        assertEquals(Map.of(ServiceName.ORDER, 8080, ServiceName.PAYMENT, 8083), o.ports());
        assertEquals(Path.of("my.json"), o.config());
        assertEquals("stderr", o.summary());
        assertEquals(Path.of("out/snaps"), o.snapshotDir());
        assertEquals(Path.of("out/logs"), o.logsDir());
    }

    @Test
    void ordersAloneRunUntilTheyAreAllPlaced() {
        Options o = Options.parse("--orders", "50", "--rate", "10");
        assertNull(o.duration());
        assertEquals(Duration.ofSeconds(5), o.plannedRun());
        assertEquals(Duration.ofSeconds(3), Options.parse("--orders", "50", "--duration", "3").duration());
    }

    @Test
    void singleServiceMode() {
        Options o = Options.parse("--service", "payment", "--port", "8083", "--peers", "order=http://127.0.0.1:8080");
        assertEquals("payment", o.service());
        assertEquals(8083, o.port());
        assertTrue(o.peers().has(ServiceName.ORDER));
        assertEquals(Options.LOADGEN, Options.parse("--service", "LoadGen").service());
    }

    @Test
    void mistakesAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--nope", "1"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--rate"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--rate", "0"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--duration", "soon"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--service", "billing"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--port", "8080"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--ports", "order=70000"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--logs-dir="));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Options.parse("--chaos", "extreme"));
        assertTrue(e.getMessage().startsWith("--chaos: "), e.getMessage());
    }

    @Test
    void helpListsTheFlagsAndABadLineExitsWithTwo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, Main.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String flag : new String[] {"--duration", "--rate", "--orders", "--seed", "--chaos", "--ports", "--service",
                "--port", "--peers", "--config", "--peak", "--snapshot-dir", "--logs-dir"}) {
            assertTrue(help.contains(flag), flag);
        }
        assertEquals(2, Main.run(new String[] {"--rate", "-1"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--rate"));
    }
}
