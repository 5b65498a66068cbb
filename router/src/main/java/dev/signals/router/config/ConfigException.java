package dev.signals.router.config;

/**
 * A config that cannot be applied, located as precisely as possible: the file, the line and
 * column, and the key path ({@code sinks.audit.async.queue}, {@code routes[2].sinks[0]}).
 * The message reads {@code FILE:LINE:COLUMN: PATH: what is wrong}.
 */
public final class ConfigException extends RuntimeException {

    private final String source;
    private final int line;
    private final int column;
    private final String path;
    private final String problem;

    public ConfigException(String source, int line, int column, String path, String problem) {
        super(format(source, line, column, path, problem));
        this.source = source;
        this.line = line;
        this.column = column;
        this.path = path;
        this.problem = problem;
    }

    public ConfigException(String source, int line, int column, String path, String problem, Throwable cause) {
        this(source, line, column, path, problem);
        initCause(cause);
    }

    private static String format(String source, int line, int column, String path, String problem) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line).append(':').append(column);
        }
        sb.append(": ");
        if (path != null && !path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(problem).toString();
    }

    /** The file (or {@code "<code>"}, {@code "<default>"}) the config came from. */
    public String source() {
        return source;
    }

    /** 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0 when unknown. */
    public int column() {
        return column;
    }

    /** The key path of the value at fault, or empty for the document as a whole. */
    public String path() {
        return path;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
