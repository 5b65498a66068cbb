package dev.signals.slf4j;

import dev.signals.router.Router;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run by {@link TwoProvidersTest} with Logback ahead of this module on the class path: logs
 * through System.Logger and prints which logger it got and how many events reached Signals.
 */
public final class TwoProvidersMain {

    private TwoProvidersMain() {
    }

    public static void main(String[] args) {
        AtomicInteger reachedSignals = new AtomicInteger();
        Router.global().route("*", e -> reachedSignals.incrementAndGet());
        System.Logger jdk = System.getLogger("com.example.jdk");
        jdk.log(System.Logger.Level.WARNING, "from System.Logger {0}", "one");
        org.slf4j.LoggerFactory.getLogger("com.example.slf4j").warn("from SLF4J");
        System.out.println("logger=" + jdk.getClass().getSimpleName() + " signals=" + reachedSignals.get());
    }
}
