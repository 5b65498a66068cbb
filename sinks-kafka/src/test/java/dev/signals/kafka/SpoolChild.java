package dev.signals.kafka;

import java.nio.file.Path;

/**
 * A JVM with a kafka sink, for the kill -9 test. {@code emit}: emits numbered events for ever,
 * printing {@code flushed N} once events up to N are written to the spool file. {@code drain}:
 * prints {@code replayed N} (what the spool held at start-up), waits until Kafka acknowledged
 * all of it, prints {@code drained} and exits.
 */
public final class SpoolChild {

    private SpoolChild() {
    }

    public static void main(String[] args) throws Exception {
        KafkaSink sink = KafkaSink.builder(args[0], args[1]).key("order").spoolDirectory(Path.of(args[2])).build();
        if (args[3].equals("emit")) {
            for (long i = 0; ; i++) {
                sink.accept(TestEvents.numbered(i, 10));
                if (i % 1_000 == 999) {
                    sink.flush();
                    System.out.println("flushed " + i);
                }
            }
        }
        System.out.println("replayed " + sink.stats().replayed());
        while (sink.stats().spoolRecords() > 0) {
            Thread.sleep(20); // polling; the parent bounds the whole run
        }
        sink.close();
        System.out.println("drained");
    }
}
