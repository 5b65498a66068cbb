package dev.signals.benchmarks.sustained;

import java.nio.file.Path;

/** One framework, set up to write JSON lines to one file, as {@link SustainedRun} drives it. */
interface Framework {

    /** The name in the result line, with the variant ({@code log4j2-sync}, say). */
    String name();

    /** Configures the framework to write to {@code file}. Not timed. */
    void start(Path file) throws Exception;

    /** Logs the {@code i}-th event of the calling thread. Called from every producer thread. */
    void emit(OrderLine order, int i);

    /**
     * Returns once the events logged so far have left the framework's queue (written or in the
     * file's buffer): the end of the warm-up, so that the timed events do not wait behind it.
     * Not timed.
     */
    void settle() throws Exception;

    /** Returns once every event logged is in the file and the file is closed. Timed. */
    void stop() throws Exception;
}
