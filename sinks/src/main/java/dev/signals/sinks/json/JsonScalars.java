package dev.signals.sinks.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/** How the scalar types are written, shared by fields, values and errors. */
final class JsonScalars {

    /** Scratch space a caller lends for times and durations. */
    static final int SCRATCH_LENGTH = Math.max(PlainDoubles.MAX_LENGTH, Math.max(Rfc3339.MAX_LENGTH, DurationMillis.MAX_LENGTH));

    private JsonScalars() {
    }

    /** A string, or {@code null}; unpaired surrogates become U+FFFD. */
    static void string(JsonGenerator g, String s) throws IOException {
        if (s == null) {
            g.writeNull();
        } else {
            g.writeString(Utf16.clean(s));
        }
    }

    /** A key; unpaired surrogates become U+FFFD. */
    static void key(JsonGenerator g, String key) throws IOException {
        g.writeFieldName(Utf16.clean(key));
    }

    /**
     * A number, or for NaN and the infinities the strings "NaN", "Infinity", "-Infinity". Plain
     * decimals are written from {@code scratch} without allocating ({@link PlainDoubles}).
     */
    static void number(JsonGenerator g, double d, char[] scratch) throws IOException {
        int end = PlainDoubles.format(d, scratch, 0);
        if (end >= 0) {
            g.writeNumber(scratch, 0, end);
        } else {
            number(g, d);
        }
    }

    /** A number, or for NaN and the infinities the strings "NaN", "Infinity", "-Infinity". */
    static void number(JsonGenerator g, double d) throws IOException {
        if (Double.isFinite(d)) {
            g.writeNumber(d);
        } else {
            g.writeString(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        }
    }

    /** Like {@link #number(JsonGenerator, double)}, keeping a float's shortest form ("0.1"). */
    static void number(JsonGenerator g, float f) throws IOException {
        if (Float.isFinite(f)) {
            g.writeNumber(f);
        } else {
            number(g, (double) f);
        }
    }

    /** Milliseconds as a plain decimal number, or {@code null}. */
    static void duration(JsonGenerator g, Duration d, char[] scratch) throws IOException {
        if (d == null) {
            g.writeNull();
            return;
        }
        int end = DurationMillis.format(d, scratch, 0);
        if (end >= 0) {
            g.writeNumber(scratch, 0, end);
        } else {
            g.writeNumber(DurationMillis.toPlainString(d));
        }
    }

    /** An RFC 3339 UTC string with six fractional digits, or {@code null}. */
    static void instant(JsonGenerator g, Instant t, char[] scratch) throws IOException {
        if (t == null) {
            g.writeNull();
        } else {
            g.writeString(scratch, 0, Rfc3339.format(t.getEpochSecond(), t.getNano() / 1_000, scratch, 0));
        }
    }
}
