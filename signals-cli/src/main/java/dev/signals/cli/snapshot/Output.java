package dev.signals.cli.snapshot;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Standard output for the reader: UTF-8, buffered, and aware that the reader of a pipe may go
 * away ({@code | head}): then {@link StdoutClosed} ends the command quietly.
 */
final class Output {

    private final Writer out;

    Output(OutputStream stream) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }

    void line(String text) throws StdoutClosed {
        try {
            out.write(text);
            out.write('\n');
        } catch (IOException e) {
            throw new StdoutClosed(e);
        }
    }

    void flush() throws StdoutClosed {
        try {
            out.flush();
        } catch (IOException e) {
            throw new StdoutClosed(e);
        }
    }

    /** Standard output can no longer be written (a closed pipe, a full disk). */
    static final class StdoutClosed extends Exception {
        private static final long serialVersionUID = 1L;

        StdoutClosed(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
