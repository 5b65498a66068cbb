package dev.signals.kafka;

import dev.signals.router.Router;
import java.nio.file.Path;

/**
 * A JVM with a kafka sink, for the kill -9 test. {@code emit}: emits numbered events for ever,
 * printing {@code flushed N} once events up to N are written to the spool file. {@code drain}:
 * prints {@code replayed N} (what the spool held at start-up, as {@code Router.stats()} has it),
 * waits until Kafka acknowledged all of it, prints {@code acknowledged N} and
 * {@code spool_bytes N} from {@code Router.stats()}, then {@code drained}, and exits.
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
        Router router = new Router();
        router.route("ORDER_*").named("killed").to(sink);
        System.out.println("replayed " + figure(router, "kafka_replayed"));
        while (figure(router, "kafka_spool_records") > 0) {
            Thread.sleep(20); // polling; the parent bounds the whole run
        }
        System.out.println("acknowledged " + figure(router, "kafka_acknowledged"));
        System.out.println("spool_bytes " + figure(router, "kafka_spool_bytes"));
        router.close();
        System.out.println("drained");
    }

    private static long figure(Router router, String name) {
        return router.stats().sink("killed").figure(name).orElseThrow();
    }
}
