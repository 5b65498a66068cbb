package dev.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The W3C Trace Context processing model (Level 2) with Signals' own ids: what a service
 * continuing a trace from a request's headers sends on with its own span.
 */
class TraceHeadersTest {

    private static final String TRACE = "12345678901234567890123456789012";
    private static final String PARENT = "00-" + TRACE + "-1234567890123456-01";

    @AfterEach
    void clean() {
        assertNull(Signals.currentTrace(), "the test left a trace on the thread");
    }

    /** Continues from {@code lines}, opens a span, and returns the headers it writes on an outgoing call. */
    private static Map<String, String> propagated(String... lines) {
        Map<String, String> out = new LinkedHashMap<>();
        try (Scope remote = Signals.continueTraceFrom(HeaderLines.of(lines)); Span span = Signals.span("handle")) {
            span.writeHeaders((name, value) -> assertNull(out.put(name, value), "one line per header"));
        }
        return out;
    }

    /** The tracestate sent on after receiving {@code tracestate} with a valid traceparent; null when none is sent. */
    private static String tracestateAfter(String... tracestateLines) {
        String[] lines = new String[2 + 2 * tracestateLines.length];
        lines[0] = "traceparent";
        lines[1] = PARENT;
        for (int i = 0; i < tracestateLines.length; i++) {
            lines[2 + 2 * i] = "tracestate";
            lines[3 + 2 * i] = tracestateLines[i];
        }
        Map<String, String> out = propagated(lines);
        assertTrue(out.get("traceparent").startsWith("00-" + TRACE + "-"), "the traceparent is continued: " + out);
        return out.get("tracestate");
    }

    @Test
    void tracestateIsPassedOnUnchangedWithTheCallersTrace() {
        Map<String, String> out = propagated("traceparent", PARENT, "tracestate", "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");
        assertEquals("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE", out.get("tracestate"));
        assertTrue(out.get("traceparent").matches("00-" + TRACE + "-[0-9a-f]{16}-01"), out.toString());
        assertNotEquals(PARENT, out.get("traceparent"), "the parent id is this service's span");
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        Map<String, String> out = propagated("TraceParent", PARENT, "TRACESTATE", "foo=1");
        assertEquals("foo=1", out.get("tracestate"));
    }

    @Test
    void severalTracestateLinesAreOneList() {
        assertEquals("foo=1,bar=2,rojo=1,congo=2,baz=3", tracestateAfter("foo=1,bar=2", "rojo=1,congo=2", "baz=3"));
        assertEquals("foo=1", tracestateAfter("", "foo=1"));
        assertEquals("foo=1", tracestateAfter("foo=1", ""));
    }

    @Test
    void emptyMembersAndWhitespaceAreIgnored() {
        assertEquals("foo=1,bar=2,baz=3", tracestateAfter("foo=1 \t , \t bar=2,, \t baz=3\t "));
        assertEquals("foo=1", tracestateAfter("\t foo=1 \t"));
        assertNull(tracestateAfter(""), "an empty tracestate is not sent");
        assertNull(tracestateAfter(" , ,\t"));
        assertEquals("foo=  1", tracestateAfter("foo=  1"), "leading spaces are part of the value");
    }

    @Test
    void everyAllowedCharacterIsKept() {
        String key = "abcdefghijklmnopqrstuvwxyz0123456789_-*/";
        StringBuilder value = new StringBuilder();
        for (char c = 0x20; c <= 0x7e; c++) {
            if (c != ',' && c != '=') {
                value.append(c);
            }
        }
        assertEquals(key + "=" + value, tracestateAfter(key + "=" + value));
        assertEquals(key + "@a-z0-9_-*/=" + value, tracestateAfter(key + "@a-z0-9_-*/=" + value));
    }

    @Test
    void multiTenantAndLevel2KeysAreKept() {
        assertEquals("tenant@vendor=1,0tenant@v=2,bar=3", tracestateAfter("tenant@vendor=1,0tenant@v=2,bar=3"));
        assertEquals("foo@=1,foo@@bar=2,foo@bar@baz=3,7=4", tracestateAfter("foo@=1,foo@@bar=2,foo@bar@baz=3,7=4"));
        String longest = "t".repeat(241) + "@" + "v".repeat(14);
        assertEquals("foo=1," + longest + "=1", tracestateAfter("foo=1", longest + "=1"));
        assertEquals("foo=1," + "z".repeat(256) + "=1", tracestateAfter("foo=1", "z".repeat(256) + "=1"));
    }

    @Test
    void aMalformedListIsDiscardedAndTheTraceparentKept() {
        String[] malformed = {"foo =1", "FOO=1", "foo.bar=1", "foo=bar=baz", "foo=,bar=3", "@foo=1,bar=2", "_foo=1",
            "foo", "=1", "foo=1,z" + "z".repeat(256) + "=1", "foo=" + "v".repeat(257), "foo=a\tb", "foo=\u00e9",
            "foo=1;bar=2"};
        for (String list : malformed) {
            assertNull(tracestateAfter(list), list);
        }
    }

    @Test
    void aDuplicateKeyKeepsItsFirstMember() {
        assertEquals("foo=1,bar=3", tracestateAfter("foo=1,foo=2,bar=3"));
        assertEquals("foo=1", tracestateAfter("foo=1", "foo=2"));
    }

    @Test
    void atMost32MembersElseTheListIsDiscarded() {
        StringJoiner list = new StringJoiner(",");
        for (int i = 1; i <= 32; i++) {
            list.add("bar" + i + "=" + i);
        }
        assertEquals(list.toString(), tracestateAfter(list.toString()));
        assertNull(tracestateAfter(list.toString(), "bar33=33"));
        assertEquals(list.toString(), tracestateAfter(list.toString(), ",,"), "empty members do not count");
    }

    @Test
    void overTheSizeLimitLongMembersGoFirstThenFromTheRight() {
        String long1 = "a=" + "1".repeat(150);
        String long2 = "b=" + "2".repeat(150);
        String long3 = "c=" + "3".repeat(150);
        String small = "d=4,e=5";
        // 152 * 3 + 7 + 3 commas = 466: fits whole.
        assertEquals(long1 + "," + small + "," + long2 + "," + long3,
                tracestateAfter(long1 + "," + small + "," + long2 + "," + long3));
        String long4 = "f=" + "6".repeat(150);
        // 4 long members: 615 characters; dropping the right-most long one is enough.
        assertEquals(long1 + "," + small + "," + long2 + "," + long3,
                tracestateAfter(long1 + "," + small + "," + long2 + "," + long3 + "," + long4));
        StringJoiner many = new StringJoiner(",");
        StringJoiner kept = new StringJoiner(",");
        for (int i = 10; i < 42; i++) {
            String member = "k" + i + "=" + "v".repeat(16);   // 20 characters
            many.add(member);
            if (i < 34) {
                kept.add(member);   // 24 members: 24 * 21 - 1 = 503 characters
            }
        }
        assertEquals(kept.toString(), tracestateAfter(many.toString()), "no long member: dropped from the right");
        assertEquals(kept.toString().length(), 503);
    }

    @Test
    void severalTraceparentLinesMeanNoParent() {
        Map<String, String> out = propagated("traceparent", PARENT, "traceparent", PARENT, "tracestate", "foo=1");
        assertFalse(out.get("traceparent").contains(TRACE), "a new trace: " + out);
        assertNull(out.get("tracestate"), "the caller's tracestate goes with its traceparent only");
        out = propagated("traceparent", PARENT, "traceparent", "00-" + "a".repeat(32) + "-1234567890123456-01");
        assertFalse(out.get("traceparent").contains(TRACE) || out.get("traceparent").contains("a".repeat(32)));
    }

    @Test
    void tracestateWithoutAValidTraceparentIsDiscarded() {
        assertNull(propagated("tracestate", "foo=1").get("tracestate"));
        Map<String, String> out = propagated("traceparent", "00-" + TRACE + "-0000000000000000-01", "tracestate", "foo=1");
        assertFalse(out.get("traceparent").contains(TRACE));
        assertNull(out.get("tracestate"));
    }

    @Test
    void knownFlagsAreKeptAndUnknownOnesDropped() {
        String[][] inOut = {{"00", "00"}, {"01", "01"}, {"02", "02"}, {"03", "03"}, {"ff", "03"}, {"04", "00"}, {"fd", "01"}};
        for (String[] flags : inOut) {
            Map<String, String> out = propagated("traceparent", "00-" + TRACE + "-1234567890123456-" + flags[0]);
            assertTrue(out.get("traceparent").startsWith("00-" + TRACE + "-"), out.toString());
            assertTrue(out.get("traceparent").endsWith("-" + flags[1]), flags[0] + " -> " + out);
        }
        Map<String, String> future = propagated("traceparent", "cc-" + TRACE + "-1234567890123456-07-what-comes-next");
        assertEquals("00", future.get("traceparent").substring(0, 2), "sent in the version this implements");
        assertTrue(future.get("traceparent").endsWith("-03"), future.toString());
    }

    @Test
    void aNewTraceIsSampledAndRandomWithNoTracestate() {
        try (Span root = Signals.span("root")) {
            assertTrue(root.traceparent().endsWith("-03"));
            assertEquals(TraceContext.SAMPLED | TraceContext.RANDOM, root.context().flags());
            Map<String, String> out = new LinkedHashMap<>();
            root.writeHeaders(out::put);
            assertEquals(Map.of("traceparent", root.traceparent()), out);
        }
    }

    @Test
    void childrenInheritFlagsAndTracestateAndANewTraceDoesNot() {
        try (Scope remote = Signals.continueTraceFrom(HeaderLines.of("traceparent", "00-" + TRACE + "-1234567890123456-03",
                "tracestate", "foo=1"))) {
            try (Span child = Signals.span("child"); Span grandchild = Signals.span("grandchild")) {
                assertTrue(child.traceparent().endsWith("-03"));
                assertEquals(3, grandchild.context().flags());
                assertEquals("foo=1", grandchild.context().traceState().header());
            }
        }
        try (Span unrelated = Signals.span("later")) {
            assertTrue(unrelated.context().traceState().isEmpty(), "a new trace carries none of the old one's state");
        }
    }

    @Test
    void theSingleHeaderFormsStillWork() {
        try (Scope remote = Signals.continueTrace("00-" + TRACE + "-1234567890123456-02"); Span span = Signals.span("s")) {
            assertTrue(span.traceparent().matches("00-" + TRACE + "-[0-9a-f]{16}-02"), span.traceparent());
            assertTrue(span.context().traceState().isEmpty());
        }
    }

    @Test
    void aFailingGetterChangesNothing() {
        try (Scope remote = Signals.continueTraceFrom(name -> {
            throw new IllegalStateException("broken request");
        })) {
            assertNull(Signals.currentTrace());
        }
    }

    @Test
    void overRealHttpAllHeaderLinesAreRead() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        CompletableFuture<String> received = new CompletableFuture<>();
        server.createContext("/", exchange -> {
            try (Scope remote = Signals.continueTraceFrom(exchange.getRequestHeaders()::get);
                 Span span = Signals.span("serve")) {
                Map<String, String> out = new LinkedHashMap<>();
                span.writeHeaders(out::put);
                received.complete(span.parentSpanId() + " " + out.get("tracestate") + " " + out.get("traceparent"));
                exchange.sendResponseHeaders(204, -1);
            } catch (RuntimeException e) {
                received.completeExceptionally(e);
            } finally {
                exchange.close();
            }
        });
        server.start();
        try (Span client = Signals.span("call")) {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
            request.header("TraceState", "vendor=x");   // a line already there: the span's list comes after
            client.writeHeaders(request::header);
            request.header("TRACESTATE", "other=y");
            HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding());
            String got = received.get(10, TimeUnit.SECONDS);
            assertTrue(got.startsWith(client.spanId() + " vendor=x,other=y 00-" + client.traceId() + "-"), got);
        } finally {
            server.stop(0);
        }
    }
}
