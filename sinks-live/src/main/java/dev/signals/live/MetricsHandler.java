package dev.signals.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** {@code GET /metrics}: the registry's metrics in the Prometheus text format, written by client_java. */
final class MetricsHandler implements HttpHandler {

    private final PrometheusRegistry registry;
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    MetricsHandler(PrometheusRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        if (!Methods.allow(ex, "GET")) {
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(8 * 1_024);
        writer.write(body, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
        Responses.send(ex, 200, writer.getContentType(), body.toByteArray());
    }
}
