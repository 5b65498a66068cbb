package dev.signals.sinks.snapshot;

import static dev.signals.sinks.snapshot.SnapshotSinkTest.quoted;
import static dev.signals.sinks.snapshot.SnapshotTesting.lines;
import static dev.signals.sinks.snapshot.SnapshotTesting.snapshots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.router.Router;
import dev.signals.router.config.ConfigException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config's top-level {@code "service"} names the service in snapshot headers. */
class SnapshotServiceTest {

    private static final Signal ORDER_CREATED = Signal.of("ORDER_CREATED");
    private static final Signal PAYMENT_FAILED = Signal.of("PAYMENT_FAILED", Severity.ERROR);

    @TempDir
    Path dir;

    private final Router router = new Router();

    @AfterEach
    void close() {
        router.close();
    }

    /** A buffer and a snapshot sink triggered by every PAYMENT_FAILED, under {@code top} top-level keys. */
    private String config(String top, String snapshotOptions) {
        return "{\n" + top
                + " \"sinks\": {\n"
                + "  \"timeline\": {\"type\": \"time-travel\", \"capacity\": 1000},\n"
                + "  \"snapshots\": {\"type\": \"snapshot\", \"buffer\": \"timeline\", \"directory\": " + quoted(dir)
                + ", \"triggers\": [\"PAYMENT_FAILED\"], \"cooldownMs\": 0" + snapshotOptions + "}\n },\n"
                + " \"routes\": [{\"signals\": [\"*\"], \"sinks\": [\"timeline\", \"snapshots\"]}]\n}\n";
    }

    private Event emit(Signal signal, String orderId) {
        Event e = Event.builder(signal).message(signal.name()).fields(Field.of("order_id", orderId)).build();
        router.dispatch(e);
        return e;
    }

    /** Emits a trigger and returns the header and events of the snapshot it wrote. */
    private List<Map<String, Object>> snapshotOf(String orderId) {
        int before = snapshots(dir).size();
        emit(PAYMENT_FAILED, orderId);
        router.flush();
        List<Path> files = snapshots(dir);
        assertEquals(before + 1, files.size(), files.toString());
        List<Path> newest = files.stream().filter(f -> lines(f).stream().anyMatch(l -> orderId.equals(l.get("order_id"))
                && "PAYMENT_FAILED".equals(l.get("signal")))).collect(Collectors.toList());
        assertEquals(1, newest.size(), files.toString());
        return lines(newest.get(0));
    }

    @Test
    void theTopLevelServiceNamesTheServiceInTheHeader() {
        router.configure(config(" \"service\": \"orders\",\n", ""), "app.json");
        assertEquals("orders", snapshotOf("o-1").get(0).get("service"));
    }

    @Test
    void theSinksOwnServiceWinsOverTheTopLevelOne() {
        router.configure(config(" \"service\": \"orders\",\n", ", \"service\": \"orders-eu\""), "app.json");
        assertEquals("orders-eu", snapshotOf("o-1").get(0).get("service"));
    }

    @Test
    void aReloadChangesTheServiceOfLaterSnapshotsAndKeepsTheBuffer() {
        router.configure(config(" \"service\": \"orders\",\n", ""), "app.json");
        Event early = emit(ORDER_CREATED, "o-1");
        assertEquals("orders", snapshotOf("o-2").get(0).get("service"));

        router.configure(config(" \"service\": \"billing\",\n", ""), "app.json");
        List<Map<String, Object>> later = snapshotOf("o-3");
        assertEquals("billing", later.get(0).get("service"));
        // Only the snapshot sink was made anew: the buffer, unchanged, still holds the events before the reload.
        assertTrue(later.stream().anyMatch(l -> BigDecimal.valueOf(early.sequence()).equals(l.get("seq"))),
                "the event before the reload is in the later snapshot");

        router.configure(config("", ""), "app.json");
        String fromEnvironment = ProcessInfo.service(null, System.getenv());
        assertEquals(fromEnvironment, snapshotOf("o-4").get(0).get("service"));
    }

    @Test
    void aServiceThatIsNotANameIsALocatedConfigError() {
        router.configure(config(" \"service\": \"orders\",\n", ""), "app.json");
        for (String bad : new String[] {"5", "\"  \"", "[\"orders\"]", "null"}) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> router.configure(config(" \"service\": " + bad + ",\n", ""), "app.json"), bad);
            assertEquals("service", e.path(), e.getMessage());
            assertTrue(e.getMessage().startsWith("app.json:2:"), e.getMessage());
            assertTrue(e.getMessage().contains("expected the service's name"), e.getMessage());
        }
        // The refused files changed nothing: the service in force is still the one before them.
        assertEquals("orders", snapshotOf("o-1").get(0).get("service"));
    }
}
