package dev.signals.sinks.json;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.router.Router;
import dev.signals.router.RouterStats;
import dev.signals.router.delivery.SinkStats;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Run by {@link HeapLimitedEncodingTest} in a JVM with a small heap: emits values without end or
 * too large for the heap, each followed by ordinary events, to a synchronous and an asynchronous
 * file sink, then prints each sink's figures as {@code NAME routed=… delivered=… failures=… dropped=…}.
 */
public final class HeapLimitedEncodingMain {

    private static final Signal HOSTILE = Signal.of("HOSTILE_VALUE", Severity.INFO);
    private static final Signal AFTER = Signal.of("AFTER_HOSTILE", Severity.INFO);
    /** Ordinary events after each hostile one: the first few lines after a failure are the ones a dirty encoder spoils. */
    static final int AFTER_EACH = 21;

    private HeapLimitedEncodingMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Router router = new Router();
        router.configure("{\"sinks\": {"
                + "\"sync\": {\"type\": \"file\", \"path\": " + quoted(dir.resolve("sync.jsonl")) + "},"
                + "\"async\": {\"type\": \"file\", \"path\": " + quoted(dir.resolve("async.jsonl")) + ", \"async\": {\"queue\": 64}}},"
                + " \"routes\": [{\"signals\": [\"*\"], \"sinks\": [\"sync\", \"async\"]}]}", "heap.json");
        Object[] hostile = {
            endless(() -> "x"),
            endless(() -> endless(() -> "nested")),
            endless(() -> "y".repeat(1 << 20)), // megabyte elements: the line limit, not the element limit, ends it
            endlessMap(),
            lazyText(1 << 30), // a gigabyte of text that exists only when asked for
            new Object() {
                @Override
                public String toString() {
                    return "z".repeat(Integer.MAX_VALUE - 64); // more than any heap here: OutOfMemoryError
                }
            },
            new Object() {
                @Override
                public String toString() {
                    // One request larger than the heap: a real OutOfMemoryError that, unlike filling the
                    // heap bit by bit, does not starve the other threads (this one runs on the async worker too).
                    long[] huge = new long[Integer.MAX_VALUE / 4];
                    return "never " + huge.length;
                }
            },
        };
        int n = 0;
        for (Object value : hostile) {
            router.dispatch(Event.builder(HOSTILE).message("hostile " + n).fields(Field.of("value", value), Field.of("n", n)).build());
            for (int i = 0; i < AFTER_EACH; i++) {
                router.dispatch(Event.builder(AFTER).message("after \"" + n + "\"")
                        .fields(Field.of("n", n), Field.of("i", i), Field.of("text", "line,with:json\"chars")).build());
            }
            n++;
        }
        router.flush();
        RouterStats stats = router.stats();
        router.close();
        for (String name : new String[] {"sync", "async"}) {
            SinkStats s = stats.sink(name);
            System.out.println(name + " routed=" + s.routed() + " delivered=" + s.delivered() + " failures=" + s.failures()
                    + " dropped=" + s.droppedTotal());
        }
        System.out.println("hostile=" + hostile.length);
    }

    private static String quoted(Path p) {
        return "\"" + p.toString().replace("\\", "\\\\") + "\"";
    }

    /** An iterable whose iterator never ends, each element made fresh. */
    private static Iterable<Object> endless(java.util.function.Supplier<Object> element) {
        return () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Object next() {
                return element.get();
            }
        };
    }

    /** A map that claims every int as its size and whose entries never end. */
    private static Map<String, Object> endlessMap() {
        return new AbstractMap<>() {
            @Override
            public Set<Entry<String, Object>> entrySet() {
                return new AbstractSet<>() {
                    @Override
                    public Iterator<Entry<String, Object>> iterator() {
                        return new Iterator<>() {
                            private long k;

                            @Override
                            public boolean hasNext() {
                                return true;
                            }

                            @Override
                            public Entry<String, Object> next() {
                                return Map.entry("k" + k++, "v");
                            }
                        };
                    }

                    @Override
                    public int size() {
                        return Integer.MAX_VALUE;
                    }
                };
            }
        };
    }

    /** Text of {@code length} characters, made on demand: only a copy of all of it fills the heap. */
    private static CharSequence lazyText(int length) {
        return new CharSequence() {
            @Override
            public int length() {
                return length;
            }

            @Override
            public char charAt(int index) {
                return (char) ('a' + index % 26);
            }

            @Override
            public CharSequence subSequence(int start, int end) {
                StringBuilder sb = new StringBuilder(end - start);
                for (int i = start; i < end; i++) {
                    sb.append(charAt(i));
                }
                return sb;
            }

            @Override
            public String toString() {
                return subSequence(0, length).toString();
            }
        };
    }
}
