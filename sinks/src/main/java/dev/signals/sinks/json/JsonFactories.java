package dev.signals.sinks.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;

/** The one jackson-core factory every Signals JSON writer uses, configured once. */
final class JsonFactories {

    /**
     * Line-safe escapes; no separator between root values (writers add the newline themselves);
     * never closes the target; shortest round-trip doubles; surrogate pairs written as 4-byte
     * UTF-8 rather than as two escapes (safe because strings are {@link Utf16#clean cleaned}
     * first: jackson-core 2.20 combines a high surrogate with whatever follows it). Writers
     * keep one generator for their whole life, so buffers are not pooled.
     */
    static final JsonFactory LINE = new JsonFactoryBuilder()
            .characterEscapes(new LineSafeEscapes())
            .rootValueSeparator((String) null)
            .recyclerPool(JsonRecyclerPools.nonRecyclingPool())
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private JsonFactories() {
    }
}
