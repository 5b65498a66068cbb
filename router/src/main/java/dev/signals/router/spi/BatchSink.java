package dev.signals.router.spi;

import dev.signals.Sink;
import java.time.Duration;

/**
 * A sink that gathers events in {@code accept} and ships them later, in {@code flush} or when
 * its batch is full (an HTTP client, a message producer). The router then counts an event as
 * delivered only once a later {@link #flush()} returns normally: until then it is pending.
 *
 * <p>When shipping fails, throw {@link BatchFailedException} — from {@code accept} or from
 * {@code flush} — listing the events that did not arrive: the router diverts them to the
 * fallback sink or counts them dropped, feeds the circuit breaker, and counts every other
 * event accepted since the last successful flush (or the last such exception) as delivered.
 * Thrown from {@code accept}, it must leave the sink holding nothing: the event being accepted
 * is either listed or was shipped. Any other exception from {@code accept} refuses that event
 * alone; any other exception from {@code flush} counts every pending event as failed.
 */
public interface BatchSink extends Sink {

    /**
     * How long the router's worker may hold a partial batch, once its queue has run dry,
     * before it calls {@link #flush()}: the longer, the fuller the batches at low rates.
     */
    default Duration linger() {
        return Duration.ZERO;
    }
}
