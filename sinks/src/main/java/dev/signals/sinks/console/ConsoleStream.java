package dev.signals.sinks.console;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The stream a console sink writes to. A {@link PrintStream} (such as {@code System.out})
 * never throws: it only raises a sticky error flag. This wrapper turns that flag into an
 * {@link IOException} so the router counts the event as failed instead of losing it silently.
 * Closing it leaves the target open: the console is not the sink's to close.
 */
final class ConsoleStream extends OutputStream {

    private final OutputStream target;

    ConsoleStream(OutputStream target) {
        if (target == null) {
            throw new NullPointerException("output stream");
        }
        this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
        target.write(b);
        check();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        target.write(b, off, len);
        check();
    }

    @Override
    public void flush() throws IOException {
        target.flush();
        check();
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    private void check() throws IOException {
        // checkError() also flushes; System.out flushes on every write anyway (auto-flush).
        if (target instanceof PrintStream && ((PrintStream) target).checkError()) {
            throw new IOException("the console stream reported a write error (closed or broken pipe?)");
        }
    }
}
