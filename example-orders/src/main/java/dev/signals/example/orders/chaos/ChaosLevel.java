package dev.signals.example.orders.chaos;

import dev.signals.example.orders.ServiceName;
import java.time.Duration;
import java.util.Locale;

/**
 * Preset fault levels. {@link #MEDIUM}, the default, is tuned so that a 30 s run shows
 * retries, timeouts, declined cards, dead-lettered notifications and, through an outage of the
 * payment service from 40% to 55% of the run, the payment breaker opening and closing again.
 */
public enum ChaosLevel {
    /** No faults: every call succeeds (cards are never declined). */
    NONE(0, 0),
    /** A third of the medium rates, no outage. */
    LOW(1.0 / 3, 0),
    /** The default. */
    MEDIUM(1, 1),
    /** Twice the medium rates and a longer outage. */
    HIGH(2, 1.7);

    private final double rates;
    private final double outage;

    ChaosLevel(double rates, double outage) {
        this.rates = rates;
        this.outage = outage;
    }

    /** The level called {@code name}, case-insensitively. */
    public static ChaosLevel parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown chaos level '" + name + "'; known: none, low, medium, high");
        }
    }

    /** The faults this level injects into {@code service}. */
    public ChaosSettings settingsFor(ServiceName service) {
        if (this == NONE) {
            return ChaosSettings.NONE;
        }
        switch (service) {
            case USER:
                return scaled(0.01, 3, 0.01, 300, 0, 0, 0);
            case PRICING:
                return scaled(0.02, 5, 0.02, 400, 0, 0, 0);
            case INVENTORY:
                return scaled(0.03, 8, 0.02, 600, 0, 0, 0);
            case PAYMENT:
                return scaled(0.06, 25, 0.04, 900, 0.04, 0.40, 0.15);
            case SHIPPING:
                return scaled(0.05, 15, 0.03, 700, 0, 0, 0);
            case NOTIFICATION:
                return scaled(0.30, 5, 0.02, 300, 0, 0, 0);
            default:
                // The order service is the edge the clients talk to: its own faults would only hide the others.
                return ChaosSettings.NONE;
        }
    }

    private ChaosSettings scaled(double failure, long latencyMs, double spikeRate, long spikeMs, double decline,
                                 double outageAt, double outageFor) {
        return new ChaosSettings(Math.min(1, failure * rates), Duration.ofMillis(latencyMs),
                Math.min(1, spikeRate * rates), Duration.ofMillis(spikeMs), Math.min(1, decline * rates),
                outageFor * outage > 0 ? Math.max(0, Math.min(outageAt, 1 - outageFor * outage)) : 0,
                Math.min(1, outageFor * outage));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
