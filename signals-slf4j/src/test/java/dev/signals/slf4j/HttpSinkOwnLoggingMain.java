package dev.signals.slf4j;

import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Signals;
import dev.signals.router.Router;
import dev.signals.router.delivery.DropReason;
import dev.signals.router.delivery.SinkStats;

/**
 * Run by {@link HttpSinkOwnLoggingTest} with the JDK HTTP client's debug logging on
 * ({@code -Djdk.internal.httpclient.debug=true}) and this module as the System.Logger backend:
 * emits one event to an {@code http} sink that is routed every signal, DEBUG included, then
 * flushes until the sink has nothing left to send, and prints its figures.
 */
public final class HttpSinkOwnLoggingMain {

    private static final Signal ORDER = Signal.of("ORDER_PLACED", Severity.INFO);

    private HttpSinkOwnLoggingMain() {
    }

    public static void main(String[] args) {
        Router router = Router.global();
        Signals.emit(ORDER, "one event from the application");
        long routedBefore = -1;
        SinkStats s = router.stats().sink("collector");
        // Each flush sends what the last send's own logging queued, if it was let in; stop when a flush adds nothing.
        for (int round = 0; round < 20 && s.routed() != routedBefore; round++) {
            routedBefore = s.routed();
            router.flush();
            s = router.stats().sink("collector");
        }
        System.out.println("routed=" + s.routed() + " delivered=" + s.delivered() + " feedback="
                + s.dropped(DropReason.FEEDBACK));
        router.close();
    }
}
