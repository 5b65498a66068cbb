package dev.signals.kafka;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Events numbered by a field {@code n}, and what a consumer reads back of them. */
final class TestEvents {

    static final Signal ORDER_PLACED = Signal.of("ORDER_PLACED", Severity.INFO);
    private static final Pattern N = Pattern.compile("\"n\":(\\d+)");

    private TestEvents() {
    }

    /** Event {@code n}, of order {@code "o" + (n % orders)}. */
    static Event numbered(long n, int orders) {
        return Event.builder(ORDER_PLACED)
                .message("order placed")
                .fields(Field.of("n", n), Field.of("order", "o" + (n % orders)), Field.of("amount", 12.5))
                .build();
    }

    /** The {@code n} of a record's JSON value. */
    static long n(ConsumerRecord<String, byte[]> r) {
        Matcher m = N.matcher(new String(r.value(), StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new AssertionError("no n in " + new String(r.value(), StandardCharsets.UTF_8));
        }
        return Long.parseLong(m.group(1));
    }

    static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
