package dev.signals.example.orders.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.router.Router;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExampleConfigTest {

    private static final Path SHIPPED = Path.of("src/main/resources/signals.json");

    private static String shipped() throws Exception {
        return Files.readString(SHIPPED, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sink(String text, String name) throws Exception {
        return (Map<String, Object>) ((Map<String, Object>) JsonTree.parseObject(text).get("sinks")).get(name);
    }

    @Test
    void withoutFlagsTheConfigStandsAndItsFilesAreKnown() throws Exception {
        ExampleConfig c = ExampleConfig.place("signals.json", shipped(), null, null, null);
        assertNull(c.placedText());
        assertEquals(List.of(Path.of("snapshots")), c.snapshotDirectories());
        assertEquals(List.of(Path.of("logs/business.jsonl"), Path.of("logs/audit.jsonl")), c.logFiles());
        assertEquals("signals.json", c.describe());
    }

    @Test
    void theFlagsMoveSnapshotsAndLogs() throws Exception {
        Path snapshots = Path.of("/tmp/run-1/snaps");
        Path logs = Path.of("/tmp/run-1/logs");
        ExampleConfig c = ExampleConfig.place("signals.json", shipped(), snapshots, logs, null);
        assertEquals(List.of(snapshots), c.snapshotDirectories());
        assertEquals(List.of(logs.resolve("business.jsonl"), logs.resolve("audit.jsonl")), c.logFiles());
        assertEquals(snapshots.toString(), sink(c.placedText(), "snapshots").get("directory"));
        assertEquals(logs.resolve("audit.jsonl").toString(), sink(c.placedText(), "audit").get("path"));
        assertEquals("signals-orders", sink(c.placedText(), "snapshots").get("service"));
        assertTrue(c.describe().contains("snapshots in " + snapshots), c.describe());
    }

    @Test
    void aProcessOfOneServiceWritesFilesOfItsOwn() throws Exception {
        ExampleConfig c = ExampleConfig.place("signals.json", shipped(), null, null, "payment");
        assertEquals(List.of(Path.of("logs/business-payment.jsonl"), Path.of("logs/audit-payment.jsonl")), c.logFiles());
        assertEquals(List.of(Path.of("snapshots")), c.snapshotDirectories());
        assertEquals("signals-orders-payment", sink(c.placedText(), "snapshots").get("service"));
        assertEquals("snapshots", sink(c.placedText(), "snapshots").get("directory"));
    }

    @Test
    void theShippedConfigIsAcceptedAsItIsAndAsPlaced() throws Exception {
        for (String text : new String[] {shipped(),
                ExampleConfig.place("signals.json", shipped(), Path.of("target/x"), Path.of("target/y"), "order").placedText()}) {
            Router router = new Router();
            try {
                router.configure(text, "signals.json");
                assertEquals(Set.of("console", "timeline", "snapshots", "live", "business", "audit", "jaeger"),
                        router.stats().sinks().keySet());
            } finally {
                router.close();
            }
        }
    }

    @Test
    void placingGivesTheRouterThePlacedConfig() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Router router = new Router();
        try {
            ExampleConfig c = ExampleConfig.place("signals.json", shipped(), Path.of("target/x"), null, null);
            assertTrue(c.apply(router, new PrintStream(err, true, StandardCharsets.UTF_8)));
            assertEquals(7, router.stats().sinks().size());
            ExampleConfig refused = ExampleConfig.place("bad.json",
                    "{\"sinks\": {\"s\": {\"type\": \"snapshot\"}}, \"routes\": []}", Path.of("target/x"), null, null);
            assertEquals(false, refused.apply(router, new PrintStream(err, true, StandardCharsets.UTF_8)));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("bad.json refused"), err.toString(StandardCharsets.UTF_8));
            assertEquals(7, router.stats().sinks().size(), "the routes in force stay");
        } finally {
            router.close();
        }
    }

    @Test
    void aDocumentTheRouterWouldRefuseIsLeftAlone() {
        for (String text : new String[] {"{ nope", "[]", "{\"sinks\": {}, \"sinks\": {}}"}) {
            ExampleConfig c = ExampleConfig.place("bad.json", text, Path.of("x"), Path.of("y"), "user");
            assertNull(c.placedText(), text);
            assertEquals(List.of(), c.snapshotDirectories());
            assertEquals(List.of(), c.logFiles());
        }
        ExampleConfig none = ExampleConfig.place("the built-in default", null, Path.of("x"), null, null);
        assertEquals(List.of(), none.snapshotDirectories());
    }

    @Test
    void commentsTrailingCommasAndNumbersSurviveTheRoundTrip() throws Exception {
        String text = "// c\n{ \"shutdownTimeoutMs\": 10000, \"ratio\": 0.25, \"sinks\": {"
                + " \"f\": { \"type\": \"file\", \"path\": \"a/b.jsonl\", /* x */ },}, \"routes\": [], }";
        ExampleConfig c = ExampleConfig.place("t", text, null, Path.of("z"), null);
        Map<String, Object> back = JsonTree.parseObject(c.placedText());
        assertEquals(10000, back.get("shutdownTimeoutMs"));
        assertEquals(new BigDecimal("0.25"), back.get("ratio"));
        assertTrue(c.placedText().contains(" 10000") && c.placedText().contains(" 0.25"), c.placedText());
        assertEquals(Path.of("z", "b.jsonl").toString(), sink(c.placedText(), "f").get("path"));
    }
}
