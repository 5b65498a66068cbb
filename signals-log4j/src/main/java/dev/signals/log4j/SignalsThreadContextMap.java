package dev.signals.log4j;

import dev.signals.slf4j.SignalsMdcAdapter;
import java.util.HashMap;
import java.util.Map;
import org.apache.logging.log4j.spi.ThreadContextMap;

/**
 * Log4j's {@code ThreadContext} map kept in Signals' MDC: an entry put through either API is
 * carried as a field by every bridged log call on the thread, Log4j API, SLF4J, JUL or
 * System.Logger alike.
 */
public final class SignalsThreadContextMap implements ThreadContextMap {

    private final SignalsMdcAdapter mdc = SignalsMdcAdapter.instance();

    /** Made by the Log4j API from {@link SignalsLog4jProvider}. */
    public SignalsThreadContextMap() {
    }

    @Override
    public void clear() {
        mdc.clear();
    }

    @Override
    public boolean containsKey(String key) {
        return mdc.current().containsKey(key);
    }

    @Override
    public String get(String key) {
        return mdc.get(key);
    }

    @Override
    public Map<String, String> getCopy() {
        return new HashMap<>(mdc.current());
    }

    @Override
    public Map<String, String> getImmutableMapOrNull() {
        Map<String, String> now = mdc.current();
        return now.isEmpty() ? null : now; // read-only, and replaced rather than changed
    }

    @Override
    public boolean isEmpty() {
        return mdc.current().isEmpty();
    }

    @Override
    public void put(String key, String value) {
        mdc.put(key, value);
    }

    @Override
    public void remove(String key) {
        mdc.remove(key);
    }
}
