package dev.signals.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.router.config.ConfigException;
import dev.signals.spi.LoggerLevels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigureTest {

    private static final Signal ORDER_CREATED = Signal.of("ORDER_CREATED");
    private static final Signal CACHE_MISS = Signal.of("CACHE_MISS", Severity.DEBUG);

    private final Router router = new Router();

    /** Events of these signals a sink got (config changes are reported as events too). */
    static long count(RecordingSink sink, Signal... signals) {
        java.util.Set<Signal> wanted = java.util.Set.of(signals);
        return sink.events().stream().filter(e -> wanted.contains(e.signal())).count();
    }

    private static String config(String sinks, String routes) {
        return "{\n  \"sinks\": {" + sinks + "},\n  \"routes\": [" + routes + "]\n}\n";
    }

    @Test
    void aConfigFileRoutesWithCommentsAndSeverities(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("signals.json");
        Files.writeString(file, "// routes for the test\n" + config(
                "\"all\": {\"type\": \"test-recording\", \"id\": \"cfg-all\"}, /* block comment */"
                        + "\"info\": {\"type\": \"test-recording\", \"id\": \"cfg-info\", \"minSeverity\": \"INFO\"}",
                "{\"signals\": [\"*\"], \"sinks\": [\"all\", \"info\"]}"));
        router.configure(file);
        router.dispatch(Event.builder(ORDER_CREATED).build());
        router.dispatch(Event.builder(CACHE_MISS).build());
        assertEquals(2, count(RecordingSinkFactory.MADE.get("cfg-all"), ORDER_CREATED, CACHE_MISS));
        assertEquals(1, count(RecordingSinkFactory.MADE.get("cfg-info"), ORDER_CREATED, CACHE_MISS));
    }

    @Test
    void errorsNameTheFileLineColumnAndKeyPath() {
        String text = config("\"a\": {\"type\": \"test-recording\",\n \"size\": 1000}", "");
        ConfigException e = assertThrows(ConfigException.class, () -> router.configure(text, "app.json"));
        assertEquals("app.json", e.source());
        assertEquals(3, e.line());
        assertEquals("sinks.a.size", e.path());
        assertTrue(e.getMessage().startsWith("app.json:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("between 1 and 100"), e.getMessage());
    }

    @Test
    void everyKindOfMistakeIsRefusedWithALocatedMessage() {
        String[][] cases = {
            {"{\"sinks\": {", "malformed JSON"},
            {"{\"sinks\": {}, \"sinks\": {}}", "Duplicate"},
            {"{\"sinkz\": {}}", "unknown key 'sinkz'"},
            {config("\"a\": {\"type\": \"nope\"}", ""), "unknown sink type 'nope'"},
            {config("\"a\": {\"type\": \"test-recording\", \"colour\": 1}", ""), "unknown key 'colour'"},
            {config("\"a\": {}", ""), "required key 'type'"},
            {config("\"a\": {\"type\": \"test-recording\"}", "{\"signals\": [\"*\"], \"sinks\": [\"b\"]}"), "no sink named 'b'"},
            {config("\"a\": {\"type\": \"test-recording\"}", "{\"signals\": [\"BAD PATTERN\"], \"sinks\": [\"a\"]}"), "invalid route pattern"},
            {config("\"a\": {\"type\": \"test-recording\"}", "{\"signals\": [], \"sinks\": [\"a\"]}"), "non-empty"},
            {config("\"a\": {\"type\": \"test-recording\", \"minSeverity\": \"LOUD\"}", ""), "unknown severity"},
            {config("\"a\": {\"type\": \"test-recording\", \"size\": \"big\"}", ""), "expected a whole number"},
            {config("\"a\": {\"type\": \"test-recording\", \"fail\": true}", ""), "cannot create sink 'a'"},
            {config("\"a\": {\"type\": \"test-recording\", \"ref\": \"a\"}", ""), "refers back to itself"},
            {config("\"a\": {\"type\": \"test-recording\", \"ref\": \"zz\"}", ""), "no sink named 'zz'"},
            {"[]", "expected an object"},
            {"", "empty"},
            {"{\"loggers\": {\"com.acme\": \"LOUD\"}}", "loggers.com.acme: unknown level 'LOUD'"},
            {"{\"loggers\": {\"com.acme\": 3}}", "expected a level"},
            {"{\"loggers\": {\"com acme\": \"INFO\"}}", "holds white space"},
            {"{\"loggers\": {\" \": \"INFO\"}}", "must not be blank"},
            {"{\"loggers\": [\"ROOT\"]}", "loggers"},
        };
        for (String[] c : cases) {
            ConfigException e = assertThrows(ConfigException.class, () -> router.configure(c[0], "bad.json"), c[0]);
            assertTrue(e.getMessage().startsWith("bad.json"), e.getMessage());
            assertTrue(e.getMessage().contains(c[1]), "expected '" + c[1] + "' in: " + e.getMessage());
        }
    }

    @Test
    void loggerLevelsComeWithTheConfigAndGoWithIt() {
        router.configure("{\"loggers\": {\"ROOT\": \"warn\", \"com.acme\": \"DEBUG\", \"com.acme.noisy\": \"OFF\"}}", "a.json");
        LoggerLevels levels = router.loggerLevels();
        assertEquals(Severity.WARN, levels.minSeverity("org.other.Thing"));
        assertEquals(Severity.DEBUG, levels.minSeverity("com.acme.orders.Service"));
        assertEquals(Severity.FATAL, levels.minSeverity("com.acme.noisy.Chatter"), "OFF: no bridged level is on");
        assertEquals(Severity.WARN, levels.minSeverity("com.acmeX"), "names split at dots");
        assertThrows(ConfigException.class, () -> router.configure("{\"loggers\": {\"ROOT\": \"LOUD\"}}", "b.json"));
        assertSame(levels, router.loggerLevels(), "a refused config changes nothing");
        router.configure("{}", "c.json");
        assertSame(LoggerLevels.NONE, router.loggerLevels());
        assertNull(router.loggerLevels().minSeverity("com.acme"));
    }

    @Test
    void aRefusedConfigLeavesTheRoutesInForceAndClosesWhatItMade() {
        router.configure(config("\"a\": {\"type\": \"test-recording\", \"id\": \"keep-a\"}",
                "{\"signals\": [\"*\"], \"sinks\": [\"a\"]}"), "good.json");
        assertThrows(ConfigException.class, () -> router.configure(config(
                "\"a\": {\"type\": \"test-recording\", \"id\": \"keep-a2\"}, \"b\": {\"type\": \"test-recording\", \"id\": \"made-b\"}",
                "{\"signals\": [\"*\"], \"sinks\": [\"missing\"]}"), "bad.json"));
        assertTrue(RecordingSinkFactory.MADE.get("made-b").closed.get(), "a sink made by a refused config is closed");
        router.dispatch(Event.builder(ORDER_CREATED).build());
        assertEquals(1, count(RecordingSinkFactory.MADE.get("keep-a"), ORDER_CREATED));
        assertFalse(RecordingSinkFactory.MADE.get("keep-a").closed.get());
    }

    @Test
    void unchangedSinksAreKeptAndRemovedOnesClosed() {
        String a = "\"a\": {\"type\": \"test-recording\", \"id\": \"reuse-a\"}";
        String b = "\"b\": {\"type\": \"test-recording\", \"id\": \"reuse-b\"}";
        router.configure(config(a + "," + b, "{\"signals\": [\"*\"], \"sinks\": [\"a\", \"b\"]}"), "v1.json");
        RecordingSink firstA = RecordingSinkFactory.MADE.get("reuse-a");
        RecordingSink firstB = RecordingSinkFactory.MADE.get("reuse-b");
        router.configure("// moved lines do not matter\n\n" + config(a, "{\"signals\": [\"ORDER_*\"], \"sinks\": [\"a\"]}"), "v2.json");
        assertSame(firstA, RecordingSinkFactory.MADE.get("reuse-a"), "unchanged sink not made anew");
        assertFalse(firstA.closed.get());
        assertTrue(firstB.closed.get(), "removed sink closed");
        router.configure(config("\"a\": {\"type\": \"test-recording\", \"id\": \"reuse-a\", \"size\": 2}",
                "{\"signals\": [\"*\"], \"sinks\": [\"a\"]}"), "v3.json");
        assertNotSame(firstA, RecordingSinkFactory.MADE.get("reuse-a"), "changed sink made anew");
        assertTrue(firstA.closed.get());
    }

    @Test
    void aSinkIsRemadeWhenASinkItRefersToChanges() {
        String ref = "\"r\": {\"type\": \"test-recording\", \"id\": \"ref-user\", \"ref\": \"t\"}";
        router.configure(config(ref + ", \"t\": {\"type\": \"test-recording\", \"id\": \"ref-target\"}", ""), "v1.json");
        RecordingSink user = RecordingSinkFactory.MADE.get("ref-user");
        router.configure(config(ref + ", \"t\": {\"type\": \"test-recording\", \"id\": \"ref-target\", \"size\": 3}", ""), "v2.json");
        assertNotSame(user, RecordingSinkFactory.MADE.get("ref-user"));
        assertTrue(user.closed.get());
    }

    @Test
    void codeRoutesSurviveAConfigChange() {
        RecordingSink code = new RecordingSink("code");
        router.route("*", code);
        router.configure(config("\"a\": {\"type\": \"test-recording\"}", "{\"signals\": [\"*\"], \"sinks\": [\"a\"]}"), "c.json");
        router.configure("{}", "empty.json");
        router.dispatch(Event.builder(ORDER_CREATED).build());
        assertEquals(1, count(code, ORDER_CREATED));
    }
}
