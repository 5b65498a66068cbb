package dev.signals.sinks.console;

import dev.signals.router.spi.SinkSettings;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings from a map, recording which keys a factory read. A dynamic proxy, so that methods
 * the router adds to {@link SinkSettings} later do not break these tests; the console
 * factories use only {@code has}, {@code choice} and {@code bool}.
 */
final class FakeSettings {

    final Set<String> read = new TreeSet<>();
    final SinkSettings settings;

    FakeSettings(String type, Map<String, Object> values) {
        settings = (SinkSettings) Proxy.newProxyInstance(SinkSettings.class.getClassLoader(),
                new Class<?>[] {SinkSettings.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "name":
                            return "test";
                        case "type":
                            return type;
                        case "keys":
                            return values.keySet();
                        case "has":
                            read.add((String) args[0]);
                            return values.containsKey(args[0]);
                        case "invalid":
                            return new IllegalArgumentException(args[0] + ": " + args[1]);
                        case "choice": {
                            String key = (String) args[0];
                            read.add(key);
                            Object v = values.getOrDefault(key, args[1]);
                            if (!Arrays.asList((String[]) args[2]).contains(v)) {
                                throw new IllegalArgumentException(key + ": not one of " + Arrays.toString((String[]) args[2]));
                            }
                            return v;
                        }
                        case "bool": {
                            String key = (String) args[0];
                            read.add(key);
                            Object v = values.getOrDefault(key, args[1]);
                            if (!(v instanceof Boolean)) {
                                throw new IllegalArgumentException(key + ": expected true or false");
                            }
                            return v;
                        }
                        case "toString":
                            return "FakeSettings" + values;
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            read.add(args != null && args.length > 0 ? String.valueOf(args[0]) : method.getName());
                            throw new UnsupportedOperationException("FakeSettings." + method.getName());
                    }
                });
    }
}
