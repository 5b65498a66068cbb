package dev.signals.example.orders.http;

import dev.signals.example.orders.ServiceName;
import java.net.URI;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Where each service listens: a base URL per service name. Immutable. */
public final class Peers {

    private final Map<ServiceName, URI> urls;

    public Peers(Map<ServiceName, URI> urls) {
        Map<ServiceName, URI> copy = new EnumMap<>(ServiceName.class);
        copy.putAll(urls);
        this.urls = Collections.unmodifiableMap(copy);
    }

    /**
     * Parses {@code order=http://127.0.0.1:8080,payment=http://127.0.0.1:8083}; an empty text is no peers.
     *
     * @throws IllegalArgumentException for an unknown service or a malformed URL
     */
    public static Peers parse(String text) {
        Map<ServiceName, URI> urls = new EnumMap<>(ServiceName.class);
        if (text != null) {
            for (String part : text.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("peer '" + part.trim() + "' must be service=URL");
                }
                ServiceName service = ServiceName.parse(part.substring(0, eq));
                URI uri;
                try {
                    uri = URI.create(part.substring(eq + 1).trim());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("peer " + service + ": malformed URL: " + e.getMessage());
                }
                if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new IllegalArgumentException("peer " + service + ": expected http://HOST:PORT, found " + uri);
                }
                urls.put(service, uri);
            }
        }
        return new Peers(urls);
    }

    /** These peers and {@code more}, {@code more} winning. */
    public Peers with(Map<ServiceName, URI> more) {
        Map<ServiceName, URI> all = new EnumMap<>(ServiceName.class);
        all.putAll(urls);
        all.putAll(more);
        return new Peers(all);
    }

    /** Whether {@code service}'s URL is known. */
    public boolean has(ServiceName service) {
        return urls.containsKey(service);
    }

    /**
     * The URL of {@code path} on {@code service}.
     *
     * @throws IllegalStateException when the service's URL is not known
     */
    public URI uri(ServiceName service, String path) {
        URI base = urls.get(service);
        if (base == null) {
            throw new IllegalStateException("no URL for the " + service + " service: pass --peers " + service + "=http://HOST:PORT");
        }
        return base.resolve(path);
    }

    public Map<ServiceName, URI> asMap() {
        return urls;
    }
}
