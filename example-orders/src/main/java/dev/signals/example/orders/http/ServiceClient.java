package dev.signals.example.orders.http;

import dev.signals.Emitter;
import dev.signals.Field;
import dev.signals.Signals;
import dev.signals.Span;
import dev.signals.SpanKind;
import dev.signals.example.orders.OrderSignals;
import dev.signals.example.orders.ServiceName;
import dev.signals.example.orders.resilience.CallException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes one call from one service to another: {@code POST} of a JSON body inside a client span,
 * with the span's trace headers ({@code traceparent}, {@code tracestate}), the deadline the
 * timeout sets, and a request key that names the attempt. Classifies what went wrong as a {@link CallException}. Retries and
 * breakers wrap this; one call here is one attempt. Thread-safe.
 */
public final class ServiceClient {

    private final ServiceName caller;
    private final Peers peers;
    private final HttpClient http;
    private final Emitter log;

    /**
     * @param caller the calling service, for the spans and signals
     * @param peers where the other services listen
     * @param http the client, shared by the calling process
     */
    public ServiceClient(ServiceName caller, Peers peers, HttpClient http) {
        this.caller = caller;
        this.peers = peers;
        this.http = http;
        this.log = Signals.with(Field.of("service", caller.id()));
    }

    /** An HTTP/1.1 client, as the JDK server speaks; one per process is enough. */
    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    /**
     * Posts {@code body} to {@code path} on {@code target} and returns the answer's body.
     *
     * @param timeout how long to wait for the answer; also the deadline sent along
     * @param requestKey names this attempt ({@code order:call:attempt}); chaos draws from it
     * @throws CallException on a timeout, a connection failure, or a status other than 2xx
     */
    @SuppressWarnings("try")
    public Body call(ServiceName target, String path, Body body, Duration timeout, String requestKey)
            throws CallException {
        String orderId = body.string("order_id");
        try (Span span = Signals.span(SpanKind.CLIENT, "call " + target.id() + " POST " + path, spanFields(target, path, orderId))) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(peers.uri(target, path))
                    .timeout(timeout)
                    .header("content-type", "application/json")
                    .header(Headers.DEADLINE, Long.toString(System.currentTimeMillis() + timeout.toMillis()))
                    .header(Headers.REQUEST_KEY, requestKey)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toJson()));
            span.writeHeaders(builder::header);
            HttpRequest request = builder.build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException e) {
                span.fail("timeout after " + timeout.toMillis() + " ms");
                log.emit(OrderSignals.CALL_TIMED_OUT, "No answer from " + target + " within " + timeout.toMillis() + " ms",
                        Field.of("peer", target.id()), Field.of("path", path), Field.of("timeout", timeout));
                throw new CallException(CallException.Kind.TIMEOUT, 0, null, target + path + ": timed out", e);
            } catch (IOException e) {
                span.fail(e);
                throw new CallException(CallException.Kind.UNAVAILABLE, 0, null, target + path + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                span.fail("interrupted");
                throw new CallException(CallException.Kind.UNAVAILABLE, 0, null, target + path + ": interrupted", e);
            }
            int status = response.statusCode();
            Body answer;
            try {
                answer = Body.parse(response.body());
            } catch (IllegalArgumentException e) {
                answer = Body.EMPTY;
            }
            if (status >= 200 && status < 300) {
                return answer;
            }
            String code = answer.string("error");
            span.fail("HTTP " + status + (code == null ? "" : " " + code));
            throw new CallException(status >= 500 ? CallException.Kind.UNAVAILABLE : CallException.Kind.REJECTED,
                    status, code, target + path + ": HTTP " + status + (code == null ? "" : " " + code));
        }
    }

    private Field[] spanFields(ServiceName target, String path, String orderId) {
        List<Field> fields = new ArrayList<>(4);
        fields.add(Field.of("service", caller.id()));
        fields.add(Field.of("peer", target.id()));
        fields.add(Field.of("http.path", path));
        if (orderId != null) {
            fields.add(Field.of("order_id", orderId));
        }
        return fields.toArray(new Field[0]);
    }
}
