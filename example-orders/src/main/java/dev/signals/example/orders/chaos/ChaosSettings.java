package dev.signals.example.orders.chaos;

import java.time.Duration;
import java.util.Locale;

/**
 * The faults injected into one service's requests.
 *
 * @param failureRate the probability that a request fails with 503
 * @param latency the typical added latency (each request draws 50–150% of it)
 * @param spikeRate the probability of a latency spike on top
 * @param spike the typical length of a spike (each draws 75–125% of it)
 * @param declineRate for the payment service: the probability that a card is declined (a
 *     business answer, 402, the same for every attempt of one order)
 * @param outageAt when a full outage begins, as a fraction of the planned run (0 to 1)
 * @param outageFor how long it lasts, as a fraction of the planned run; 0 for none
 */
public record ChaosSettings(double failureRate, Duration latency, double spikeRate, Duration spike,
                            double declineRate, double outageAt, double outageFor) {

    /** No faults at all. */
    public static final ChaosSettings NONE = new ChaosSettings(0, Duration.ZERO, 0, Duration.ZERO, 0, 0, 0);

    public ChaosSettings {
        probability("failure", failureRate);
        probability("spikeRate", spikeRate);
        probability("decline", declineRate);
        probability("outageAt", outageAt);
        probability("outageFor", outageFor);
        if (latency.isNegative() || spike.isNegative()) {
            throw new IllegalArgumentException("latencies must not be negative");
        }
    }

    /** True when this service has an outage in the run. */
    public boolean hasOutage() {
        return outageFor > 0;
    }

    /**
     * These settings with one parameter changed: {@code failure}, {@code latencyMs},
     * {@code spikeRate}, {@code spikeMs}, {@code decline}, {@code outageAt}, {@code outageFor}.
     *
     * @throws IllegalArgumentException for an unknown parameter or a value out of range
     */
    public ChaosSettings with(String parameter, String value) {
        double v;
        try {
            v = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("chaos " + parameter + ": not a number: '" + value + "'");
        }
        switch (parameter.trim().toLowerCase(Locale.ROOT)) {
            case "failure":
                return new ChaosSettings(v, latency, spikeRate, spike, declineRate, outageAt, outageFor);
            case "latencyms":
                return new ChaosSettings(failureRate, millis(parameter, v), spikeRate, spike, declineRate, outageAt, outageFor);
            case "spikerate":
                return new ChaosSettings(failureRate, latency, v, spike, declineRate, outageAt, outageFor);
            case "spikems":
                return new ChaosSettings(failureRate, latency, spikeRate, millis(parameter, v), declineRate, outageAt, outageFor);
            case "decline":
                return new ChaosSettings(failureRate, latency, spikeRate, spike, v, outageAt, outageFor);
            case "outageat":
                return new ChaosSettings(failureRate, latency, spikeRate, spike, declineRate, v, outageFor);
            case "outagefor":
                return new ChaosSettings(failureRate, latency, spikeRate, spike, declineRate, outageAt, v);
            default:
                throw new IllegalArgumentException("unknown chaos parameter '" + parameter
                        + "'; known: failure, latencyMs, spikeRate, spikeMs, decline, outageAt, outageFor");
        }
    }

    /** A short description, such as {@code failure=8% latency=25ms spikes=4%x900ms outage=40%+15%}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("failure=").append(percent(failureRate)).append(" latency=").append(latency.toMillis()).append("ms");
        if (spikeRate > 0) {
            sb.append(" spikes=").append(percent(spikeRate)).append('x').append(spike.toMillis()).append("ms");
        }
        if (declineRate > 0) {
            sb.append(" declines=").append(percent(declineRate));
        }
        if (hasOutage()) {
            sb.append(" outage=").append(percent(outageAt)).append('+').append(percent(outageFor));
        }
        return sb.toString();
    }

    private static String percent(double p) {
        double pct = p * 100;
        return (pct == Math.rint(pct) ? String.valueOf((long) pct) : String.format(Locale.ROOT, "%.1f", pct)) + "%";
    }

    private static Duration millis(String parameter, double v) {
        if (v < 0 || v > 600_000) {
            throw new IllegalArgumentException("chaos " + parameter + " must be between 0 and 600000 ms, was " + v);
        }
        return Duration.ofMillis(Math.round(v));
    }

    private static void probability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("chaos " + name + " must be between 0 and 1, was " + p);
        }
    }
}
