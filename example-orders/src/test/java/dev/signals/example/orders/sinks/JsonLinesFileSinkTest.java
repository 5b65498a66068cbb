package dev.signals.example.orders.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Signal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFileSinkTest {

    private static Event event(String id, int padding) {
        return Event.builder(Signal.of("ORDER_CREATED")).message("Order created")
                .fields(Field.of("order_id", id), Field.of("padding", "x".repeat(padding))).build();
    }

    @Test
    void twoSinksAppendingToOneFileNeverSplitALine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("logs/business.jsonl");
        JsonLinesFileSink a = new JsonLinesFileSink(file);
        JsonLinesFileSink b = new JsonLinesFileSink(file);
        for (int i = 0; i < 2000; i++) {
            a.accept(event("a-" + i, i % 97));
            b.accept(event("b-" + i, i % 89));
        }
        a.accept(event("big", 100_000));
        a.close();
        b.close();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(4001, lines.size());
        for (String line : lines) {
            assertTrue(line.startsWith("{\"time\":\"") && line.endsWith("}"), line.substring(0, Math.min(80, line.length())));
        }
    }
}
