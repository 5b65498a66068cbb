package dev.signals.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signals.Event;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.router.delivery.SinkStats;
import dev.signals.router.spi.Figure;
import dev.signals.router.spi.OwnFigures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A sink's own figures ({@link OwnFigures}) reach {@code Router.stats()}: read when the figures
 * are read and never while delivering, added up over sinks of one name, and a sink whose
 * figures throw costs only its own figures.
 */
class OwnFiguresTest {

    static final Signal FIG = Signal.of("FIG_EVENT", Severity.INFO);

    private final Router router = new Router();

    @AfterEach
    void close() {
        router.close(Duration.ofSeconds(5));
    }

    /** Counts what it accepted, holds a level, and counts how often its figures are read. */
    static final class CountingSink implements dev.signals.Sink, OwnFigures {
        final AtomicLong accepted = new AtomicLong();
        final AtomicInteger reads = new AtomicInteger();
        final long held;

        CountingSink(long held) {
            this.held = held;
        }

        @Override
        public void accept(Event event) {
            accepted.incrementAndGet();
        }

        @Override
        public List<Figure> figures() {
            reads.incrementAndGet();
            return List.of(Figure.counter("test_accepted", "Events accepted.", accepted.get()),
                    Figure.counter("test_lost", "Events lost, by cause.", 2).label("cause", "disk"),
                    Figure.gauge("test_held", "Bytes held now.", held));
        }
    }

    @Test
    void aSinksOwnFiguresAreInItsStatsReadOnlyWhenTheFiguresAre() {
        CountingSink sink = new CountingSink(7);
        router.route("FIG_*").named("counting").to(sink);
        for (int i = 0; i < 1_000; i++) {
            router.dispatch(Event.builder(FIG).message("m").build());
        }
        assertEquals(0, sink.reads.get(), "delivering never reads the sink's figures");
        SinkStats stats = router.stats().sink("counting");
        assertEquals(1, sink.reads.get());
        assertEquals(1_000, stats.delivered());
        assertEquals(OptionalLong.of(1_000), stats.figure("test_accepted"));
        assertEquals(OptionalLong.of(2), stats.figure("test_lost", "cause", "disk"));
        assertEquals(OptionalLong.empty(), stats.figure("test_lost"), "a figure is found by its exact labels");
        assertEquals(OptionalLong.of(7), stats.figure("test_held"));
        assertEquals(Figure.Kind.GAUGE, stats.figures().get(2).kind());
    }

    @Test
    void sinksOfOneNameAddTheirFiguresUp() {
        CountingSink first = new CountingSink(7);
        CountingSink second = new CountingSink(5);
        router.route("FIG_*").named("same").to(first);
        router.route("FIG_*").named("same").to(second);
        router.dispatch(Event.builder(FIG).message("m").build());
        router.dispatch(Event.builder(FIG).message("m").build());
        SinkStats stats = router.stats().sink("same");
        assertEquals(OptionalLong.of(4), stats.figure("test_accepted"));
        assertEquals(OptionalLong.of(4), stats.figure("test_lost", "cause", "disk"));
        assertEquals(OptionalLong.of(12), stats.figure("test_held"));
        assertEquals(3, stats.figures().size(), "one figure per name and labels: " + stats.figures());
    }

    @Test
    void aSinkWhoseFiguresThrowKeepsTheRoutersFigures() {
        class Throwing implements dev.signals.Sink, OwnFigures {
            @Override
            public void accept(Event event) {
            }

            @Override
            public List<Figure> figures() {
                throw new IllegalStateException("no figures today");
            }
        }
        router.route("FIG_*").named("throwing").to(new Throwing());
        router.dispatch(Event.builder(FIG).message("m").build());
        SinkStats stats = router.stats().sink("throwing");
        assertEquals(1, stats.delivered());
        assertEquals(List.of(), stats.figures());
    }

    @Test
    void figuresAreNamedForMetricsAndTheOldStatsConstructorHasNone() {
        assertThrows(IllegalArgumentException.class, () -> Figure.counter("sent_total", "", 1),
                "/metrics adds _total to a counter");
        assertThrows(IllegalArgumentException.class, () -> Figure.gauge("Spool-Bytes", "", 1));
        assertThrows(IllegalArgumentException.class, () -> Figure.gauge("held", "", 1).label("sink", "x"),
                "every figure is labelled with its sink's name already");
        assertEquals(Map.of("a", "1", "b", "2"), Figure.gauge("held", "", 1).label("b", "2").label("a", "1").labels());
        assertEquals(List.of(), new SinkStats("s", 1, 1, 0, Map.of(), 0, 0, "NONE").figures());
        assertEquals(List.of(), new SinkStats("s", 1, 1, 0, Map.of(), 0, 0, "NONE", 4).figures());
    }
}
