package dev.signals.example.orders;

import dev.signals.example.orders.chaos.ChaosLevel;
import dev.signals.example.orders.http.Peers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The command line. Every flag takes {@code --flag value} or {@code --flag=value}; see
 * {@link #HELP}. Immutable once parsed.
 */
public final class Options {

    /** What {@code --help} prints. */
    public static final String HELP = String.join("\n",
            "Usage: java -jar signals-orders.jar [flags]",
            "",
            "Runs the Signals orders example: order, user, pricing, inventory, payment, shipping and",
            "notification services talking HTTP on 127.0.0.1, a load generator placing orders, chaos",
            "injected into the services, and a summary at the end.",
            "",
            "Workload:",
            "  --duration TIME        how long orders are placed: 30s, 2m, 500ms, or seconds (default 30s;",
            "                         unlimited when only --orders is given)",
            "  --rate N               orders per second (default 6)",
            "  --orders N             stop after N orders (default 0: no limit)",
            "  --peak X               rate multiplier during the peak, from 55% to 70% of the run (default 3)",
            "  --seed N               seed of every random choice: orders, faults, jitter (default 42)",
            "  --concurrency N        orders in flight at most (default 64)",
            "  --client-rate-limit N  requests per second per client at the order service, bursts of 2N",
            "                         (default 4; 0 turns the limit off)",
            "",
            "Chaos:",
            "  --chaos LEVEL          none, low, medium or high (default medium: failures, timeouts,",
            "                         declined cards and an outage of the payment service)",
            "  --chaos-set LIST       overrides, service.parameter=value, comma-separated, such as",
            "                         payment.failure=0.2,notification.failure=0.5; parameters: failure,",
            "                         latencyMs, spikeRate, spikeMs, decline, outageAt, outageFor",
            "",
            "Services and ports:",
            "  --host ADDR            address the services bind to (default 127.0.0.1)",
            "  --ports LIST           fixed ports, service=port, comma-separated, such as",
            "                         order=8080,payment=8083 (default: any free port)",
            "  --service NAME         run only this service: " + ServiceName.known() + ";",
            "                         or 'loadgen' to run only the load generator against --peers order=URL",
            "  --port N               the port of --service (default 0: any free port)",
            "  --peers LIST           where the other services listen, for --service: service=URL,",
            "                         comma-separated, such as order=http://127.0.0.1:8080",
            "",
            "Output:",
            "  --config PATH          the Signals config file (default: signals.json on the class path;",
            "                         same as -Dsignals.config=PATH)",
            "  --snapshot-dir DIR     where snapshot sinks write (default: the config's directory, snapshots)",
            "  --logs-dir DIR         where file sinks write, each keeping its file name (default: the",
            "                         config's paths, logs/business.jsonl and logs/audit.jsonl)",
            "  --summary WHERE        stdout, stderr or none (default stdout, after every event)",
            "  --help                 this text",
            "");

    /** The name {@code --service} takes for the load generator alone. */
    public static final String LOADGEN = "loadgen";

    private Duration duration = Duration.ofSeconds(30);
    private boolean durationGiven;
    private double rate = 6;
    private long orders;
    private double peak = 3;
    private long seed = 42;
    private int concurrency = 64;
    private double clientRateLimit = 4;
    private ChaosLevel chaos = ChaosLevel.MEDIUM;
    private final Map<String, String> chaosOverrides = new LinkedHashMap<>();
    private String host = "127.0.0.1";
    private final Map<ServiceName, Integer> ports = new EnumMap<>(ServiceName.class);
    private String service;
    private int port;
    private Peers peers = Peers.parse("");
    private Path config;
    private Path snapshotDir;
    private Path logsDir;
    private String summary = "stdout";
    private boolean help;

    private Options() {
    }

    /** The defaults: a 30 s all-in-one run. */
    public static Options defaults() {
        return new Options();
    }

    /**
     * Parses the command line.
     *
     * @throws IllegalArgumentException naming the flag at fault
     */
    public static Options parse(String... args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String flag = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                flag = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (flag.equals("--help") || flag.equals("-h")) {
                o.help = true;
                continue;
            }
            if (!flag.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                value = args[++i];
            }
            try {
                o.set(flag, value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(flag + ": " + e.getMessage(), e);
            }
        }
        if (o.orders > 0 && !o.durationGiven) {
            o.duration = null;
        }
        if (o.service == null && o.port != 0) {
            throw new IllegalArgumentException("--port goes with --service; use --ports for the all-in-one run");
        }
        return o;
    }

    private void set(String flag, String value) {
        switch (flag) {
            case "--duration":
                duration = parseDuration(value);
                durationGiven = true;
                break;
            case "--rate":
                rate = positive(Double.parseDouble(value));
                break;
            case "--orders":
                orders = nonNegative(Long.parseLong(value));
                break;
            case "--peak":
                peak = Double.parseDouble(value);
                if (!(peak >= 1 && peak <= 100)) {
                    throw new IllegalArgumentException("must be between 1 and 100");
                }
                break;
            case "--seed":
                seed = Long.parseLong(value);
                break;
            case "--concurrency":
                concurrency = (int) positive(Integer.parseInt(value));
                break;
            case "--client-rate-limit":
                clientRateLimit = nonNegative(Double.parseDouble(value));
                break;
            case "--chaos":
                chaos = ChaosLevel.parse(value);
                break;
            case "--chaos-set":
                chaosOverrides.putAll(pairs(value));
                break;
            case "--host":
                host = value;
                break;
            case "--ports":
                for (Map.Entry<String, String> e : pairs(value).entrySet()) {
                    ports.put(ServiceName.parse(e.getKey()), port(e.getValue()));
                }
                break;
            case "--service":
                service = value.equalsIgnoreCase(LOADGEN) ? LOADGEN : ServiceName.parse(value).id();
                break;
            case "--port":
                port = port(value);
                break;
            case "--peers":
                peers = Peers.parse(value);
                break;
            case "--config":
                config = Path.of(value);
                break;
            case "--snapshot-dir":
                snapshotDir = directory(value);
                break;
            case "--logs-dir":
                logsDir = directory(value);
                break;
            case "--summary":
                summary = value.toLowerCase(Locale.ROOT);
                if (!summary.equals("stdout") && !summary.equals("stderr") && !summary.equals("none")) {
                    throw new IllegalArgumentException("expected stdout, stderr or none");
                }
                break;
            default:
                throw new IllegalArgumentException("unknown flag; see --help");
        }
    }

    /** {@code 30s}, {@code 2m}, {@code 500ms}, or a number of seconds. */
    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Duration d;
        try {
            if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            } else if (t.endsWith("s")) {
                d = Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            } else if (t.endsWith("m")) {
                d = Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
            } else {
                d = Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a time such as 30s, 2m or 500ms, found '" + text + "'");
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("must be positive");
        }
        return d;
    }

    private static Map<String, String> pairs(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, found '" + part.trim() + "'");
            }
            out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        return out;
    }

    private static Path directory(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("needs a directory");
        }
        return Path.of(text);
    }

    private static int port(String text) {
        int p = Integer.parseInt(text.trim());
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException("a port is between 0 and 65535, found " + p);
        }
        return p;
    }

    private static double positive(double v) {
        if (!(v > 0)) {
            throw new IllegalArgumentException("must be positive");
        }
        return v;
    }

    private static long nonNegative(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        return v;
    }

    private static double nonNegative(double v) {
        if (!(v >= 0)) {
            throw new IllegalArgumentException("must not be negative");
        }
        return v;
    }

    /** How long orders are placed; {@code null} when only {@link #orders()} ends the run. */
    public Duration duration() {
        return duration;
    }

    /** Orders per second. */
    public double rate() {
        return rate;
    }

    /** The most orders to place; 0 for no limit. */
    public long orders() {
        return orders;
    }

    public double peak() {
        return peak;
    }

    public long seed() {
        return seed;
    }

    public int concurrency() {
        return concurrency;
    }

    public double clientRateLimit() {
        return clientRateLimit;
    }

    public ChaosLevel chaos() {
        return chaos;
    }

    /** {@code service.parameter → value}. */
    public Map<String, String> chaosOverrides() {
        return Collections.unmodifiableMap(chaosOverrides);
    }

    public String host() {
        return host;
    }

    /** The ports given with {@code --ports}; a service not in it takes any free port. */
    public Map<ServiceName, Integer> ports() {
        return Collections.unmodifiableMap(ports);
    }

    /** Whether {@code --duration} was given. */
    public boolean durationGiven() {
        return durationGiven;
    }

    /** The one service to run ({@link ServiceName#id()} or {@link #LOADGEN}), or {@code null} for all. */
    public String service() {
        return service;
    }

    /** The port of {@link #service()}. */
    public int port() {
        return port;
    }

    public Peers peers() {
        return peers;
    }

    /** The Signals config file given with {@code --config}, or {@code null}. */
    public Path config() {
        return config;
    }

    /** The directory given with {@code --snapshot-dir}, or {@code null}: the config's own. */
    public Path snapshotDir() {
        return snapshotDir;
    }

    /** The directory given with {@code --logs-dir}, or {@code null}: the config's own. */
    public Path logsDir() {
        return logsDir;
    }

    /** {@code stdout}, {@code stderr} or {@code none}. */
    public String summary() {
        return summary;
    }

    public boolean help() {
        return help;
    }

    /**
     * How long the run is expected to last, to place the peak and the outages in it: the
     * duration, or the time {@link #orders()} take at {@link #rate()}.
     */
    public Duration plannedRun() {
        if (duration != null) {
            return duration;
        }
        return Duration.ofMillis(Math.max(1000, Math.round(orders / rate * 1000)));
    }
}
