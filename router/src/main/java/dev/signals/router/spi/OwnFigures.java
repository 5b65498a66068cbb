package dev.signals.router.spi;

import dev.signals.Sink;
import java.util.List;

/**
 * Implemented by a {@link Sink} that keeps figures of its own beyond what the router counts for
 * every sink (routed, delivered, dropped…): the kafka sink's records sent, acknowledged and
 * spooled, its spool's bytes. The router reads them when its figures are read
 * ({@code Router.stats()}, and through it the live sink's {@code /metrics}), never while
 * delivering, and keeps them in the sink's {@link dev.signals.router.delivery.SinkStats}.
 *
 * <p>Sinks of one name (one a reload replaced and its successor) are added up figure by figure,
 * so a sink reports only what it accounts for: two sinks sharing one store must not both report
 * it.
 */
public interface OwnFigures {

    /**
     * The sink's figures now, after it closed too (its final counts). Called from any thread
     * reading the router's figures: it must be safe to call concurrently with delivery, cheap,
     * and never block for long. A throw counts as no figures.
     */
    List<Figure> figures();
}
