package dev.signals.live;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * An event-stream client on a plain socket with a tiny receive buffer that reads the response
 * headers (so the subscription is in place) and then nothing, until told to: the server's
 * writes to it soon block, as they would for a client that hung.
 */
final class StalledClient implements AutoCloseable {

    private final Socket socket;

    StalledClient(URI base, String pathAndQuery) throws IOException {
        socket = new Socket();
        socket.setReceiveBufferSize(4_096);
        socket.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String headers = readHeaders(socket.getInputStream());
        if (!headers.startsWith("HTTP/1.1 200")) {
            throw new AssertionError(headers);
        }
    }

    private static String readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed in the headers: " + h);
            }
            h.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return h.toString(StandardCharsets.US_ASCII);
    }

    /** Starts reading: the events, de-chunked, parsed on a thread of their own. */
    SseClient resume() throws IOException {
        return new SseClient(new Dechunked(socket.getInputStream()), true);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** The body of a chunked HTTP/1.1 response. */
    private static final class Dechunked extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        Dechunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = line();
                left = Long.parseLong(size.split(";")[0].trim(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                return -1;
            }
            left -= n;
            if (left == 0) {
                line(); // the CRLF after the chunk
            }
            return n;
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            return sb.toString();
        }
    }
}
