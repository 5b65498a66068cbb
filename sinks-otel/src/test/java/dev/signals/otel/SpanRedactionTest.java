package dev.signals.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signals.Field;
import dev.signals.Signals;
import dev.signals.Span;
import dev.signals.router.Router;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The config's {@code redact} keys and {@link Field#secret} hold for span attributes too, not only for events. */
class SpanRedactionTest {

    private TestOtel otel;

    @BeforeEach
    void setUp() {
        otel = new TestOtel().install();
        Router.global().configure("{\"redact\": [\"password\", \"card_number\"]}", "redact.json");
    }

    @AfterEach
    void tearDown() {
        otel.close();
        Router.global().configure("{}", "empty.json");
    }

    @Test
    void redactedKeysNeverReachAnExportedSpan() {
        try (Span span = Signals.span("login", Field.of("password", "hunter2"), Field.of("user", "ann"),
                Field.of("card_number", 4111111111111111L), Field.secret("token", "sk_live_1"))) {
            Signals.info("inside");
        }
        SpanData login = otel.span("login");
        assertEquals("***", login.getAttributes().get(AttributeKey.stringKey("password")));
        assertEquals("***", login.getAttributes().get(AttributeKey.stringKey("card_number")));
        assertEquals("***", login.getAttributes().get(AttributeKey.stringKey("token")));
        assertEquals("ann", login.getAttributes().get(AttributeKey.stringKey("user")));
    }

    @Test
    void aNestedSpanIsRedactedLikeTheRoot() {
        try (Span outer = Signals.span("checkout", Field.of("user", "ann"));
             Span inner = Signals.span("charge", Field.of("card_number", "4111 1111 1111 1111"))) {
            Signals.info("charging");
        }
        assertEquals("***", otel.span("charge").getAttributes().get(AttributeKey.stringKey("card_number")));
        assertEquals("ann", otel.span("checkout").getAttributes().get(AttributeKey.stringKey("user")));
    }
}
