package dev.signals.slf4j;

import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.helpers.ThreadLocalMapOfStacks;
import org.slf4j.spi.MDCAdapter;

/**
 * SLF4J's MDC for Signals: per-thread entries that every bridged log call on the thread carries
 * as string fields. Each change installs a new read-only map (copy on write), so a log call
 * reads the entries without copying or locking. Entries are not inherited by threads the
 * thread starts: a pooled thread would otherwise keep the entries of whichever request
 * created it. Use {@code dev.signals.Signals.wrap} to carry Signals' own scopes to a task.
 */
public final class SignalsMdcAdapter implements MDCAdapter {

    private static final SignalsMdcAdapter INSTANCE = new SignalsMdcAdapter();

    private final ThreadLocal<Map<String, String>> entries = ThreadLocal.withInitial(Map::of);
    private final ThreadLocalMapOfStacks deques = new ThreadLocalMapOfStacks();

    private SignalsMdcAdapter() {
    }

    /** The one adapter, shared by the SLF4J provider and the other bridges. */
    public static SignalsMdcAdapter instance() {
        return INSTANCE;
    }

    /**
     * This thread's entries, in insertion order; read-only, never {@code null}, and never changed
     * afterwards (a change installs a new map), so a caller may keep it.
     */
    public Map<String, String> current() {
        return entries.get();
    }

    @Override
    public void put(String key, String val) {
        if (key == null) {
            throw new IllegalArgumentException("key cannot be null");
        }
        Map<String, String> next = new LinkedHashMap<>(entries.get());
        next.put(key, val);
        entries.set(Collections.unmodifiableMap(next));
    }

    @Override
    public String get(String key) {
        return key == null ? null : entries.get().get(key);
    }

    @Override
    public void remove(String key) {
        Map<String, String> now = entries.get();
        if (key != null && now.containsKey(key)) {
            Map<String, String> next = new LinkedHashMap<>(now);
            next.remove(key);
            entries.set(next.isEmpty() ? Map.of() : Collections.unmodifiableMap(next));
        }
    }

    @Override
    public void clear() {
        entries.remove();
    }

    @Override
    public Map<String, String> getCopyOfContextMap() {
        Map<String, String> now = entries.get();
        return now.isEmpty() ? null : new HashMap<>(now);
    }

    @Override
    public void setContextMap(Map<String, String> contextMap) {
        if (contextMap == null || contextMap.isEmpty()) {
            entries.remove();
        } else {
            entries.set(Collections.unmodifiableMap(new LinkedHashMap<>(contextMap)));
        }
    }

    @Override
    public void pushByKey(String key, String value) {
        deques.pushByKey(key, value);
    }

    @Override
    public String popByKey(String key) {
        return deques.popByKey(key);
    }

    @Override
    public Deque<String> getCopyOfDequeByKey(String key) {
        return deques.getCopyOfDequeByKey(key);
    }

    @Override
    public void clearDequeByKey(String key) {
        deques.clearDequeByKey(key);
    }
}
