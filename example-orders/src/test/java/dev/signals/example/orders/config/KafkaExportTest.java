package dev.signals.example.orders.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Signal;
import dev.signals.kafka.KafkaSink;
import dev.signals.router.Router;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The business signals go to Kafka only when KAFKA_BOOTSTRAP_SERVERS is set, and never hold the run. */
class KafkaExportTest {

    @TempDir
    Path dir;

    private final Router router = new Router();
    private final PrintStream err = new PrintStream(new ByteArrayOutputStream());

    @AfterEach
    void close() {
        router.close(Duration.ofSeconds(5));
    }

    @Test
    void withoutTheVariableNothingIsRouted() {
        assertNull(KafkaExport.attach(router, Map.of(), "all", dir, err));
        assertEquals(0, router.routes().size());
    }

    @Test
    void withTheVariableTheBusinessSignalsAreSpooledForKafkaAndOthersAreNot() throws Exception {
        // Nothing listens on port 1: the events wait in the spool, and nothing waits for them.
        KafkaSink sink = KafkaExport.attach(router, Map.of(KafkaExport.SERVERS, "127.0.0.1:1"), "all", dir, err);
        assertNotNull(sink);
        router.dispatch(Event.builder(Signal.of("ORDER_PLACED")).fields(Field.of("order_id", "o-1")).build());
        router.dispatch(Event.builder(Signal.of("PAYMENT_CAPTURED")).fields(Field.of("order_id", "o-1")).build());
        router.dispatch(Event.builder(Signal.of("SECURITY_LOGIN_FAILED")).build());
        assertEquals(2, sink.stats().spooled(), "each business event once, whatever routes reach the sink");
    }
}
