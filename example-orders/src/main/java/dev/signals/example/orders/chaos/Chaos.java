package dev.signals.example.orders.chaos;

import dev.signals.Field;
import dev.signals.Signals;
import dev.signals.example.orders.OrderSignals;
import dev.signals.example.orders.ServiceName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Injects faults into the services' requests: latency, latency spikes, 503 failures, declined
 * cards, and outages of a whole service for a stretch of the run.
 *
 * <p>Every decision comes from a {@link Random} seeded with the run's seed and the request's
 * key ({@code order:call:attempt}), so the same seed gives the same faults to the same calls
 * however the threads interleave; only what depends on timing (an outage window, a breaker's
 * open period) can differ slightly between two runs.
 */
public final class Chaos implements AutoCloseable {

    private final long seed;
    private final ChaosLevel level;
    private final Map<ServiceName, ChaosSettings> settings;
    private final Duration plannedRun;
    private final AtomicLong anonymous = new AtomicLong();
    private volatile long startNanos = System.nanoTime();
    private ScheduledExecutorService timer;

    /**
     * @param seed the run's seed
     * @param level the preset the settings start from
     * @param overrides {@code service.parameter → value}, such as {@code payment.failure → 0.2}
     * @param plannedRun how long the run is expected to last: outages are placed in it
     * @throws IllegalArgumentException for an unknown service or parameter, or a bad value
     */
    public Chaos(long seed, ChaosLevel level, Map<String, String> overrides, Duration plannedRun) {
        this.seed = seed;
        this.level = level;
        this.plannedRun = plannedRun;
        Map<ServiceName, ChaosSettings> s = new EnumMap<>(ServiceName.class);
        for (ServiceName name : ServiceName.values()) {
            s.put(name, level.settingsFor(name));
        }
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            String key = e.getKey();
            int dot = key.indexOf('.');
            if (dot <= 0) {
                throw new IllegalArgumentException("chaos override '" + key + "' must be service.parameter, such as payment.failure");
            }
            ServiceName service = ServiceName.parse(key.substring(0, dot));
            s.put(service, s.get(service).with(key.substring(dot + 1), e.getValue()));
        }
        this.settings = s;
    }

    /** The faults injected into {@code service}. */
    public ChaosSettings settings(ServiceName service) {
        return settings.get(service);
    }

    /** The preset these settings started from. */
    public ChaosLevel level() {
        return level;
    }

    /**
     * Starts the run's clock (outages are placed from now) and announces the outages of the
     * {@code hosted} services with {@link OrderSignals#CHAOS_OUTAGE_STARTED} and
     * {@link OrderSignals#CHAOS_OUTAGE_ENDED} when they begin and end.
     */
    public synchronized void start(Collection<ServiceName> hosted) {
        startNanos = System.nanoTime();
        List<ServiceName> withOutage = new ArrayList<>();
        for (ServiceName s : hosted) {
            if (settings.get(s).hasOutage()) {
                withOutage.add(s);
            }
        }
        if (withOutage.isEmpty() || timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chaos-timer");
            t.setDaemon(true);
            return t;
        });
        for (ServiceName s : withOutage) {
            long from = outageStart(s).toNanos();
            long length = outageLength(s).toNanos();
            var log = Signals.with(Field.of("service", s.id()));
            timer.schedule(() -> log.emit(OrderSignals.CHAOS_OUTAGE_STARTED, "Simulated outage of " + s + " begins",
                    Field.of("duration", Duration.ofNanos(length))), from, TimeUnit.NANOSECONDS);
            timer.schedule(() -> log.emit(OrderSignals.CHAOS_OUTAGE_ENDED, "Simulated outage of " + s + " is over"),
                    from + length, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The faults for one request to {@code service}.
     *
     * @param requestKey identifies the attempt (the caller's {@code x-request-key}); {@code null}
     *     draws from a sequence of its own, so only keyed requests are reproducible
     */
    public Fault decide(ServiceName service, String path, String requestKey) {
        ChaosSettings s = settings.get(service);
        if (s.equals(ChaosSettings.NONE)) {
            return Fault.NONE;
        }
        Random random = random(service.id(), path, requestKey != null ? requestKey : "anonymous-" + anonymous.incrementAndGet());
        long delay = Math.round(s.latency().toNanos() * (0.5 + random.nextDouble()));
        boolean spike = random.nextDouble() < s.spikeRate();
        if (spike) {
            delay += Math.round(s.spike().toNanos() * (0.75 + 0.5 * random.nextDouble()));
        }
        boolean outage = inOutage(service);
        boolean error = outage || random.nextDouble() < s.failureRate();
        return new Fault(Duration.ofNanos(delay), spike, error, outage);
    }

    /** Whether the payment service declines the card of {@code orderId}: one answer per order, whatever the attempt. */
    public boolean declines(String orderId) {
        double rate = settings.get(ServiceName.PAYMENT).declineRate();
        return rate > 0 && random("payment", "decline", orderId).nextDouble() < rate;
    }

    /** Whether {@code service} is in its outage now. */
    public boolean inOutage(ServiceName service) {
        ChaosSettings s = settings.get(service);
        if (!s.hasOutage()) {
            return false;
        }
        long elapsed = System.nanoTime() - startNanos;
        long from = outageStart(service).toNanos();
        return elapsed >= from && elapsed < from + outageLength(service).toNanos();
    }

    /** When {@code service}'s outage begins, from the start of the run. */
    public Duration outageStart(ServiceName service) {
        return Duration.ofNanos(Math.round(plannedRun.toNanos() * settings.get(service).outageAt()));
    }

    /** How long {@code service}'s outage lasts. */
    public Duration outageLength(ServiceName service) {
        return Duration.ofNanos(Math.round(plannedRun.toNanos() * settings.get(service).outageFor()));
    }

    /** A random source for one decision, seeded by the run's seed and what the decision is about. */
    private Random random(String a, String b, String c) {
        long h = 0xcbf29ce484222325L ^ seed;
        h = fnv(h, a);
        h = fnv(fnv(h, "/"), b);
        h = fnv(fnv(h, "/"), c);
        return new Random(h);
    }

    private static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** Stops announcing outages. */
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
