package dev.signals.example.orders.load;

import java.time.Duration;

/**
 * What the load generator does: orders per second, for how long or how many, and a peak in
 * the middle of the run when the rate is multiplied (and one client hammers the shop). The
 * schedule is computed in virtual time from the seed, so a seed gives the same orders at the
 * same offsets whatever the machine's speed.
 *
 * @param rate orders per second outside the peak
 * @param duration how long orders are placed, or {@code null} for as long as {@code maxOrders} takes
 * @param maxOrders the most orders; 0 for no limit
 * @param peak the rate multiplier during the peak (1 for no peak)
 * @param plannedRun how long the run is expected to last; the peak is placed in it
 * @param seed the seed of the orders' contents and arrival times
 * @param idPrefix what order ids start with, such as {@code ord-}
 */
public record LoadPlan(double rate, Duration duration, long maxOrders, double peak, Duration plannedRun, long seed,
                       String idPrefix) {

    /** Where the peak begins, as a fraction of the planned run. */
    public static final double PEAK_FROM = 0.55;
    /** Where the peak ends. */
    public static final double PEAK_TO = 0.70;

    public LoadPlan {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rate must be positive");
        }
        if (duration == null && maxOrders <= 0) {
            throw new IllegalArgumentException("give a duration, a number of orders, or both");
        }
    }

    /** Whether the peak is on {@code elapsed} into the run. */
    public boolean inPeak(Duration elapsed) {
        if (peak <= 1) {
            return false;
        }
        long t = elapsed.toNanos();
        long run = plannedRun.toNanos();
        return t >= run * PEAK_FROM && t < run * PEAK_TO;
    }

    /** Orders per second {@code elapsed} into the run. */
    public double rateAt(Duration elapsed) {
        return inPeak(elapsed) ? rate * peak : rate;
    }

    /** Whether an order scheduled {@code elapsed} into the run, as number {@code n} (from 1), is still placed. */
    public boolean admits(Duration elapsed, long n) {
        return (duration == null || elapsed.compareTo(duration) < 0) && (maxOrders <= 0 || n <= maxOrders);
    }
}
