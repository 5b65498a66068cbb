package dev.signals.router;

import dev.signals.Event;
import dev.signals.Signal;

/**
 * Run in a small child JVM by {@link ManyNamesTest}: declares a given number of distinct signal
 * names, as code building names from data does, and routes one event of each through a router
 * with counting sinks. Exits 0 only when every event was counted where its routes send it.
 */
public final class ManyNamesMain {

    /** Written by the emitting thread only (direct delivery). */
    private static long all;
    private static long sevens;

    public static void main(String[] args) {
        int names = Integer.parseInt(args[0]);
        Router router = new Router();
        router.route("*", e -> all++);
        router.route("NAME_7*", e -> sevens++);
        long expectedSevens = 0;
        long start = System.nanoTime();
        for (int i = 0; i < names; i++) {
            String name = "NAME_" + i;
            Signal signal = Signal.of(name);
            if (router.isRouted(signal)) {
                router.dispatch(Event.builder(signal).message("m").build());
            }
            if (name.startsWith("NAME_7")) {
                expectedSevens++;
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("names " + names + ", counted " + all + ", NAME_7* " + sevens + " of " + expectedSevens
                + ", beyond the limit " + Signal.declaredBeyondLimit() + ", " + millis + " ms");
        System.exit(all == names && sevens == expectedSevens ? 0 : 1);
    }

    private ManyNamesMain() {
    }
}
