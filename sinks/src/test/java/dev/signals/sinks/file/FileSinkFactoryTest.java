package dev.signals.sinks.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Signal;
import dev.signals.Sink;
import dev.signals.router.Router;
import dev.signals.router.config.ConfigException;
import dev.signals.router.config.ConfigObject;
import dev.signals.router.config.ConfigParser;
import dev.signals.router.spi.BatchSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code file} type in config files: every option read, every bad value refused with its location. */
class FileSinkFactoryTest {

    private static final Signal AUDIT = Signal.of("AUDIT_LOGIN");

    @TempDir
    Path dir;

    private final Router router = new Router();

    @AfterEach
    void close() {
        router.close(Duration.ofSeconds(5));
    }

    private String config(String options) {
        return "{\n  \"sinks\": {\n    \"audit\": {\"type\": \"file\", \"path\": \""
                + dir.resolve("logs/audit.jsonl") + "\",\n      " + options + "}\n  },\n"
                + "  \"routes\": [{\"signals\": [\"AUDIT_*\"], \"sinks\": [\"audit\"]}]\n}\n";
    }

    @Test
    void aConfiguredFileSinkWritesEventJsonLines() {
        router.configure(config("\"maxBytes\": 100000, \"rotate\": \"daily\", \"maxFiles\": 3, \"gzip\": true,"
                + " \"fsync\": \"batch\", \"async\": {\"queue\": 64}"), "signals.json");
        for (int i = 0; i < 10; i++) {
            router.dispatch(Event.builder(AUDIT).message("login " + i).build());
        }
        assertTrue(router.flush(Duration.ofSeconds(5)));
        List<Map<String, Object>> lines = LogFiles.events(dir.resolve("logs/audit.jsonl"));
        assertEquals(10, lines.size());
        assertEquals("login 9", lines.get(9).get("message"));
        assertEquals("AUDIT_LOGIN", lines.get(0).get("signal"));
    }

    @Test
    void withAsyncTheSinkBuffersAndCountsEventsDeliveredWhenWrittenWithoutItWritesEachLine() throws Exception {
        Sink buffered = create("\"async\": {}");
        assertInstanceOf(BufferedFileSink.class, buffered);
        assertInstanceOf(BatchSink.class, buffered);
        buffered.close();
        Sink direct = create("\"gzip\": false");
        assertInstanceOf(FileSink.class, direct);
        assertFalse(direct instanceof BatchSink, "written before accept returns: delivered at once");
        direct.close();
    }

    private Sink create(String options) {
        ConfigObject settings = new ConfigObject(ConfigParser.parse(config(options), "app.json").get("sinks").get("audit"),
                "audit", FileSinkFactory.TYPE);
        return new FileSinkFactory().create(settings);
    }

    @Test
    void onlyThePathIsRequired() {
        router.configure(config("\"minSeverity\": \"TRACE\""), "signals.json");
        router.dispatch(Event.builder(AUDIT).build());
        assertEquals(1, LogFiles.events(dir.resolve("logs/audit.jsonl")).size(), "written before dispatch returned");
    }

    @Test
    void badValuesAreRefusedWithFileLineColumnAndKey() {
        refused("\"rotate\": \"weekly\"", "sinks.audit.rotate", "not one of none, hourly, daily");
        refused("\"fsync\": \"sometimes\"", "sinks.audit.fsync", "not one of never, batch, always");
        refused("\"maxBytes\": -1", "sinks.audit.maxBytes", "out of range");
        refused("\"maxFiles\": 2.5", "sinks.audit.maxFiles", "whole number");
        refused("\"gzip\": \"yes\"", "sinks.audit.gzip", "true or false");
        refused("\"maxbytes\": 10", "sinks.audit.maxbytes", "unknown key 'maxbytes' for sink type 'file'");
    }

    private void refused(String options, String path, String problem) {
        ConfigException e = assertThrows(ConfigException.class, () -> router.configure(config(options), "app.json"));
        assertEquals(path, e.path(), e.getMessage());
        assertEquals(4, e.line(), e.getMessage());
        assertTrue(e.column() > 0, e.getMessage());
        assertTrue(e.getMessage().startsWith("app.json:4:"), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void aMissingPathOrADirectoryIsRefused() throws Exception {
        String noPath = "{\"sinks\": {\"audit\": {\"type\": \"file\"}}}";
        ConfigException missing = assertThrows(ConfigException.class, () -> router.configure(noPath, "app.json"));
        assertEquals("sinks.audit.path", missing.path());

        Files.createDirectories(dir.resolve("logs/audit.jsonl"));
        ConfigException directory = assertThrows(ConfigException.class, () -> router.configure(config("\"gzip\": false"), "app.json"));
        assertEquals("sinks.audit.path", directory.path());
        assertTrue(directory.getMessage().contains("is a directory"), directory.getMessage());
    }
}
