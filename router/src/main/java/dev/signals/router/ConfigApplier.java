package dev.signals.router;

import dev.signals.Severity;
import dev.signals.Sink;
import dev.signals.router.config.ConfigException;
import dev.signals.router.config.ConfigNode;
import dev.signals.router.config.ConfigObject;
import dev.signals.router.delivery.DeliveryPolicy;
import dev.signals.router.delivery.SinkChannel;
import dev.signals.router.spi.SinkFactory;
import dev.signals.spi.Failures;
import dev.signals.spi.LoggerLevels;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a parsed config document into sinks and routes, all or nothing: on any error the
 * sinks it made are closed again and a located {@link ConfigException} is thrown, so the
 * routes in force stay as they were. A sink whose definition is unchanged since the previous
 * config (and whose referenced sinks are unchanged, and, when it read the top-level
 * {@code "service"}, that too) is kept as it is, not made anew: a file is not reopened.
 */
final class ConfigApplier {

    private static final Duration DAY = Duration.ofDays(1);

    private final Router router;
    private final SinkFactories factories;

    ConfigApplier(Router router, SinkFactories factories) {
        this.router = router;
        this.factories = factories;
    }

    /** Builds the new state; the caller swaps it in and closes the sinks it no longer has. */
    ConfigState build(ConfigNode root, ConfigState previous) {
        Build b = new Build(root, previous);
        try {
            return b.run();
        } catch (RuntimeException | Error e) {
            // An OutOfMemoryError too: the sinks made so far are closed, the routes in force stay.
            ChannelClosing.closeAll(b.made, Duration.ofSeconds(1), router.err());
            throw e;
        }
    }

    /** One attempt at building a state; remembers what it made so a failure can undo it. */
    private final class Build {
        final ConfigNode root;
        final ConfigState previous;
        final Map<String, ConfigNode> definitions = new LinkedHashMap<>();
        final Map<String, ConfigState.ConfiguredSink> sinks = new LinkedHashMap<>();
        final Set<String> inProgress = new HashSet<>();
        final Map<String, Set<String>> referencesOf = new HashMap<>();
        final Deque<String> creating = new ArrayDeque<>();
        final List<SinkChannel> made = new ArrayList<>();
        final Set<String> readingService = new HashSet<>();
        String service;

        Build(ConfigNode root, ConfigState previous) {
            this.root = root;
            this.previous = previous;
        }

        ConfigState run() {
            ConfigObject top = new ConfigObject(root, "config", null);
            service = service(top.raw("service"));
            RouterOptions options = new RouterOptions(
                    new LinkedHashSet<>(top.strings("redact")),
                    top.millis("reloadIntervalMs", RouterOptions.DEFAULT_RELOAD, Duration.ZERO, DAY),
                    top.millis("statsIntervalMs", Duration.ZERO, Duration.ZERO, DAY),
                    top.millis("shutdownTimeoutMs", RouterOptions.DEFAULT_SHUTDOWN, Duration.ZERO, Duration.ofMinutes(10)),
                    loggers(top.object("loggers")), service);
            ConfigObject sinksObject = top.object("sinks");
            if (sinksObject != null) {
                definitions.putAll(sinksObject.node().members());
                sinksObject.accept(definitions.keySet().toArray(new String[0]));
            }
            for (String name : definitions.keySet()) {
                sink(name, definitions.get(name));
            }
            List<Route> routes = new ArrayList<>();
            ConfigNode routesNode = top.raw("routes");
            if (routesNode != null) {
                if (routesNode.kind() != ConfigNode.Kind.ARRAY) {
                    throw routesNode.error("expected an array of routes, found " + routesNode.describe());
                }
                for (ConfigNode item : routesNode.items()) {
                    routes.add(route(item));
                }
            }
            top.rejectUnknownKeys();
            return new ConfigState(root.source(), sinks, routes, options);
        }

        /** The top-level {@code "service"}: a name, or {@code null} when absent. */
        String service(ConfigNode node) {
            if (node == null) {
                return null;
            }
            if (node.kind() != ConfigNode.Kind.STRING || node.text().isBlank()) {
                throw node.error("expected the service's name (a non-blank string), found " + node.describe());
            }
            return node.text().trim();
        }

        /** The {@code "loggers"} section: a level by logger name, {@code ROOT} for the rest. */
        LoggerLevels loggers(ConfigObject loggers) {
            if (loggers == null) {
                return LoggerLevels.NONE;
            }
            Map<String, Severity> levels = new LinkedHashMap<>();
            for (Map.Entry<String, ConfigNode> e : loggers.node().members().entrySet()) {
                ConfigNode level = e.getValue();
                if (level.kind() != ConfigNode.Kind.STRING) {
                    throw level.error("expected a level (TRACE, DEBUG, INFO, WARN, ERROR or OFF), found " + level.describe());
                }
                try {
                    Severity min = LoggerLevels.parseLevel(level.text());
                    LoggerLevels.of(Map.of(e.getKey(), min)); // checks the name
                    levels.put(e.getKey(), min);
                } catch (IllegalArgumentException bad) {
                    throw level.error(bad.getMessage());
                }
            }
            loggers.accept(levels.keySet().toArray(new String[0])); // every name is a logger's: none is unknown
            return LoggerLevels.of(levels);
        }

        /** The sink named {@code name}, made (or kept) once, its references made first. */
        SinkChannel sink(String name, ConfigNode definition) {
            ConfigState.ConfiguredSink done = sinks.get(name);
            if (done != null) {
                return done.handle;
            }
            if (!inProgress.add(name)) {
                throw definition.error("sink '" + name + "' refers back to itself through its sink references");
            }
            if (name.isBlank()) {
                throw definition.error("a sink name must not be blank");
            }
            ConfigState.ConfiguredSink before = previous.sinks.get(name);
            SinkChannel channel;
            Set<String> references;
            boolean readsService;
            if (before != null && before.definition.equals(definition) && referencesKept(before)
                    && (!before.readsService || Objects.equals(service, previous.options.service()))) {
                channel = before.handle;
                references = before.references;
                readsService = before.readsService;
            } else {
                creating.push(name);
                try {
                    channel = create(name, definition);
                } finally {
                    creating.pop();
                }
                references = referencesOf.getOrDefault(name, Set.of());
                readsService = readingService.contains(name);
            }
            sinks.put(name, new ConfigState.ConfiguredSink(definition, channel, references, readsService));
            inProgress.remove(name);
            return channel;
        }

        /** A sink may be kept only when every sink it was given is kept too. */
        private boolean referencesKept(ConfigState.ConfiguredSink before) {
            for (String ref : before.references) {
                ConfigNode definition = definitions.get(ref);
                ConfigState.ConfiguredSink old = previous.sinks.get(ref);
                if (definition == null || old == null || sink(ref, definition) != old.handle) {
                    return false;
                }
            }
            return true;
        }

        private SinkChannel create(String name, ConfigNode definition) {
            ConfigObject settings = new SinkDefinition(definition, name, typeOf(definition), this::resolveReference);
            String type = settings.requiredString("type");
            SinkFactory factory = factories.get(type);
            if (factory == null) {
                throw definition.get("type").error("unknown sink type '" + type + "'; known types: "
                        + (factories.known().isEmpty() ? "none (add dev.signals:sinks)" : factories.known()));
            }
            Severity minSeverity = settings.severity("minSeverity", Severity.TRACE);
            DeliveryPolicy policy = DeliveryPolicies.read(settings);
            SinkChannel fallback = null;
            ConfigNode fallbackName = settings.raw("fallback");
            if (fallbackName != null) {
                if (fallbackName.kind() != ConfigNode.Kind.STRING) {
                    throw fallbackName.error("expected the name of a sink, found " + fallbackName.describe());
                }
                fallback = channelNamed(fallbackName);
            }
            Sink sink;
            try {
                sink = factory.create(settings);
            } catch (ConfigException e) {
                throw e;
            } catch (Throwable e) {
                throw new ConfigException(definition.source(), definition.line(), definition.column(), definition.path(),
                        "cannot create sink '" + name + "' of type '" + type + "': " + Failures.describe(e), e);
            }
            if (sink == null) {
                throw definition.error("factory for type '" + type + "' made no sink");
            }
            SinkChannel channel = router.newChannel(name, minSeverity, sink, policy, fallback);
            made.add(channel);
            settings.rejectUnknownKeys();
            return channel;
        }

        private Sink resolveReference(ConfigNode nameNode) {
            return channelNamed(nameNode).sink();
        }

        private SinkChannel channelNamed(ConfigNode nameNode) {
            String target = nameNode.text();
            ConfigNode definition = definitions.get(target);
            if (definition == null) {
                throw nameNode.error("no sink named '" + target + "' under \"sinks\"");
            }
            if (!creating.isEmpty()) {
                referencesOf.computeIfAbsent(creating.peek(), k -> new HashSet<>()).add(target);
            }
            return sink(target, definition);
        }

        private Route route(ConfigNode item) {
            ConfigObject r = new ConfigObject(item, "route", null);
            List<RoutePattern> patterns = new ArrayList<>();
            ConfigNode signals = r.required("signals");
            if (signals.kind() != ConfigNode.Kind.ARRAY || signals.items().isEmpty()) {
                throw signals.error("expected a non-empty array of signal patterns");
            }
            for (ConfigNode p : signals.items()) {
                if (p.kind() != ConfigNode.Kind.STRING) {
                    throw p.error("expected a signal pattern string, found " + p.describe());
                }
                try {
                    patterns.add(RoutePattern.parse(p.text()));
                } catch (IllegalArgumentException e) {
                    throw p.error(e.getMessage());
                }
            }
            Severity min = r.severity("minSeverity", Severity.TRACE);
            RouteFilter where = FieldEquality.read(r.raw("where"));
            Sampler sampler = SamplerSettings.read(r.object("sample"), router.nanoTime());
            RateLimit rateLimit = readRateLimit(r.object("rateLimit"));
            ConfigNode sinkNames = r.required("sinks");
            if (sinkNames.kind() != ConfigNode.Kind.ARRAY || sinkNames.items().isEmpty()) {
                throw sinkNames.error("expected a non-empty array of sink names");
            }
            List<SinkChannel> channels = new ArrayList<>();
            for (ConfigNode n : sinkNames.items()) {
                if (n.kind() != ConfigNode.Kind.STRING) {
                    throw n.error("expected a sink name, found " + n.describe());
                }
                ConfigState.ConfiguredSink s = sinks.get(n.text());
                if (s == null) {
                    throw n.error("no sink named '" + n.text() + "' under \"sinks\"");
                }
                channels.add(s.handle);
            }
            r.rejectUnknownKeys();
            return router.newRoute(patterns, min, where, sampler, rateLimit, channels);
        }

        /** {@code "rateLimit": {"perSecond": N, "burst": M}}; the burst defaults to one second's worth. */
        private RateLimit readRateLimit(ConfigObject limit) {
            if (limit == null) {
                return null;
            }
            limit.required("perSecond");
            double perSecond = limit.doubleValue("perSecond", 0, 0.001, 1e9);
            long burst = limit.longValue("burst", Math.max(1, (long) Math.ceil(perSecond)), 1, 1_000_000_000L);
            return new RateLimit(perSecond, burst, router.nanoTime());
        }

        /** A sink's settings, which also hand out the config's service and note which sink asked for it. */
        private final class SinkDefinition extends ConfigObject {
            SinkDefinition(ConfigNode node, String name, String type, Function<ConfigNode, Sink> sinkResolver) {
                super(node, name, type, sinkResolver);
            }

            @Override
            public String service() {
                readingService.add(name());
                return service;
            }
        }

        private String typeOf(ConfigNode definition) {
            if (definition.kind() != ConfigNode.Kind.OBJECT) {
                throw definition.error("expected a sink definition object, found " + definition.describe());
            }
            ConfigNode t = definition.get("type");
            return t != null && t.kind() == ConfigNode.Kind.STRING ? t.text() : null;
        }
    }
}
