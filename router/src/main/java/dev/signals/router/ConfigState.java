package dev.signals.router;

import dev.signals.router.config.ConfigNode;
import dev.signals.router.delivery.SinkChannel;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the last applied config put in place: its sinks by name (with the definition each was
 * made from, to tell on reload whether it changed) and its routes. Immutable.
 */
final class ConfigState {

    static final ConfigState EMPTY = new ConfigState("<none>", Map.of(), List.of(), RouterOptions.DEFAULTS);

    /** A sink made from a config definition. */
    static final class ConfiguredSink {
        final ConfigNode definition;
        final SinkChannel handle;
        /** The other sinks this one was given when it was made. */
        final Set<String> references;
        /** Whether its factory read the config's top-level {@code "service"}. */
        final boolean readsService;

        ConfiguredSink(ConfigNode definition, SinkChannel handle, Set<String> references, boolean readsService) {
            this.definition = definition;
            this.handle = handle;
            this.references = Set.copyOf(references);
            this.readsService = readsService;
        }
    }

    final String source;
    final Map<String, ConfiguredSink> sinks;
    final List<Route> routes;
    final RouterOptions options;

    ConfigState(String source, Map<String, ConfiguredSink> sinks, List<Route> routes, RouterOptions options) {
        this.source = source;
        this.sinks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sinks));
        this.routes = List.copyOf(routes);
        this.options = options;
    }
}
