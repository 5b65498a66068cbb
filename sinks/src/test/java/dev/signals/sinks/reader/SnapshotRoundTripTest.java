package dev.signals.sinks.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.signals.Event;
import dev.signals.Severity;
import dev.signals.sinks.json.EventJsonWriter;
import dev.signals.sinks.testing.JsonLines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Writer, file, reader: what the sink writes is what the reader, and the lz4 command, read back. */
class SnapshotRoundTripTest {

    private static final Instant START = Instant.parse("2026-11-23T03:21:41.123456Z");

    @TempDir
    Path dir;

    @Test
    void theReaderReturnsTheHeaderAndEveryEventLineAsWritten() throws Exception {
        Path file = SnapshotFixtures.write(dir, "round trip", 300, START, 1_000);
        EventJsonWriter json = new EventJsonWriter();
        try (SnapshotReader reader = SnapshotReader.open(file)) {
            SnapshotInfo h = reader.header();
            assertEquals("signals-snapshot/1", h.format());
            assertEquals("round trip", h.reason());
            assertEquals("orders", h.service());
            assertEquals(ProcessHandle.current().pid(), h.pid());
            assertEquals(300, h.capacity());
            assertEquals(300, h.events());
            assertEquals(0, h.lostBeforeWindow());
            assertEquals("request", h.triggerKind());
            assertEquals(Files.size(file), h.size());
            for (int i = 0; i < 300; i++) {
                SnapshotEvent e = reader.next();
                Event original = SnapshotFixtures.event(i, START, 1_000 + i);
                String expected = json.encodeToString(original);
                assertEquals(expected.substring(0, expected.length() - 1), e.line(), "line " + i);
                assertEquals(1_000 + i, e.seq());
                assertEquals(original.epochMicros(), e.timeMicros());
                assertEquals(original.signal().name(), e.signal());
                assertEquals(original.severity(), e.severity());
                assertEquals(original.thread(), e.thread());
                assertEquals(original.traceId(), e.traceId());
            }
            assertNull(reader.next());
            assertNull(reader.next(), "the end stays the end");
        }
    }

    @Test
    void anEmptyBufferMakesAFileWithOnlyAHeader() throws Exception {
        Path file = SnapshotFixtures.write(dir, "empty", 0, START, 1);
        try (SnapshotReader reader = SnapshotReader.open(file)) {
            assertEquals(0, reader.header().events());
            assertEquals(null, reader.header().raw().get("first_seq"));
            assertNull(reader.next());
        }
    }

    private static boolean lz4Available() {
        try {
            Process p = new ProcessBuilder("lz4", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    @Timeout(60)
    void theLz4CommandDecompressesItToJsonLinesThatAStrictParserReads() throws Exception {
        Assumptions.assumeTrue(lz4Available(), "the lz4 command is not installed (.ci/run installs it)");
        Path file = SnapshotFixtures.write(dir, "PAYMENT_FAILED", 5_000, START, 1);
        Process p = new ProcessBuilder("lz4", "-dc", file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "lz4 -dc exit status");
        byte[] bytes = out.toByteArray();
        List<String> lines = JsonLines.lines(JsonLines.utf8(bytes, bytes.length));
        assertEquals(5_001, lines.size());

        // A plain jackson-core parser, as jq would read them: one object per line.
        JsonFactory factory = new JsonFactory();
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try (JsonParser parser = factory.createParser(lines.get(i))) {
                assertEquals(JsonToken.START_OBJECT, parser.nextToken());
                parser.skipChildren();
                assertNull(parser.nextToken(), "one object on line " + i);
            }
            Map<String, Object> object = JsonLines.parseLine(lines.get(i) + "\n");
            if (i == 0) {
                assertEquals("signals-snapshot/1", object.get("format"));
                assertEquals("PAYMENT_FAILED", object.get("reason"));
            } else {
                seqs.add(((java.math.BigDecimal) object.get("seq")).longValueExact());
                Severity.parse((String) object.get("severity"));
            }
        }
        for (int i = 1; i < seqs.size(); i++) {
            assertTrue(seqs.get(i) > seqs.get(i - 1));
        }
        assertEquals(new String(bytes, StandardCharsets.UTF_8), String.join("\n", SnapshotFixtures.rawLines(file)) + "\n",
                "lz4 and lz4-java read the same bytes");
    }
}
