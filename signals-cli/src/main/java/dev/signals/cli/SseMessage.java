package dev.signals.cli;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * One Server-Sent Events message: its {@code event} name ({@code message} when none is given),
 * its {@code id} (or {@code null}) and its {@code data}.
 */
record SseMessage(String event, String id, String data) {

    /** The next message from {@code in}, or {@code null} at the end of the stream. Comments are skipped. */
    static SseMessage read(BufferedReader in) throws IOException {
        String event = "message";
        String id = null;
        StringBuilder data = null;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return new SseMessage(event, id, data.toString());
                }
                event = "message";
                id = null;
            } else if (line.startsWith("data:")) {
                String d = value(line, 5);
                data = data == null ? new StringBuilder(d) : data.append('\n').append(d);
            } else if (line.startsWith("id:")) {
                id = value(line, 3);
            } else if (line.startsWith("event:")) {
                event = value(line, 6);
            }
        }
        return null;
    }

    private static String value(String line, int from) {
        return line.startsWith(" ", from) ? line.substring(from + 1) : line.substring(from);
    }
}
