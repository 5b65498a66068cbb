package dev.signals.example.orders;

import java.io.PrintStream;

/**
 * The example's entry point: {@code java -jar signals-orders.jar [flags]} (see {@link Options#HELP}).
 * By default every service runs in this JVM for 30 s under load and chaos, then a summary is
 * printed; {@code --service NAME} runs one service, or the load generator alone, so the example
 * also runs as separate processes.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the example.
     *
     * @return the exit status: 0 when it ran, 1 when it failed, 2 for a bad command line
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println("Run with --help for the flags.");
            return 2;
        }
        if (options.help()) {
            out.print(Options.HELP);
            return 0;
        }
        try {
            if (options.service() == null) {
                return allInOne(options, out, err);
            }
            if (options.service().equals(Options.LOADGEN)) {
                return LoadOnlyRun.run(options, out, err);
            }
            return SingleServiceRun.run(options, out, err);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return 1;
        } catch (Exception e) {
            err.println("error: " + e);
            return 1;
        }
    }

    private static int allInOne(Options options, PrintStream out, PrintStream err) throws Exception {
        AllInOneRun.runAndReport(options, out, err);
        return 0;
    }
}
