package dev.signals.sinks.snapshot;

import java.net.InetAddress;
import java.util.Map;

/** The pid, host and service a snapshot header names. */
final class ProcessInfo {

    static final long PID = ProcessHandle.current().pid();

    private static volatile String host;

    private ProcessInfo() {
    }

    /**
     * The service: the configured name, else {@code OTEL_SERVICE_NAME}, else
     * {@code SIGNALS_SERVICE}, else {@code "unknown"}.
     */
    static String service(String configured, Map<String, String> env) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String key : new String[] {"OTEL_SERVICE_NAME", "SIGNALS_SERVICE"}) {
            String value = env.get(key);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return "unknown";
    }

    /**
     * The host name: {@code HOSTNAME} when set, else the local host's name. Looked up once, on a
     * snapshot writer thread (a name lookup may be slow; it never runs on an emitting thread).
     */
    static String host() {
        String h = host;
        if (h == null) {
            h = System.getenv("HOSTNAME");
            if (h == null || h.isBlank()) {
                try {
                    h = InetAddress.getLocalHost().getHostName();
                } catch (Exception | LinkageError e) {
                    h = "unknown";
                }
            }
            host = h;
        }
        return h;
    }
}
