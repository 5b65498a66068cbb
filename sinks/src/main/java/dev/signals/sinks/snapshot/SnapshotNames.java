package dev.signals.sinks.snapshot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Snapshot file names: {@code signals-<pid>-<UTC timestamp, ms>-<reason>.jsonl.lz4}, such as
 * {@code signals-4242-20261123T032141.123Z-payment_failed.jsonl.lz4}.
 *
 * <p>The reason is sanitised so that any text makes a safe name, and two snapshots never
 * share a name: a name already on disk, or reserved by another snapshot of this JVM still
 * being written, gets a counter suffix ({@code -2}, {@code -3}…).
 */
public final class SnapshotNames {

    /** Every snapshot file name starts with this. */
    public static final String PREFIX = "signals-";

    /** Every snapshot file name ends with this. */
    public static final String SUFFIX = ".jsonl.lz4";

    /** The longest sanitised reason kept in a file name. */
    public static final int MAX_REASON_LENGTH = 64;

    /** What a reason becomes when nothing of it is left after sanitising. */
    static final String EMPTY_REASON = "snapshot";

    /** Matches the names this class makes (and only those), for retention and the reader. */
    static final Pattern NAME = Pattern.compile(
            "signals-\\d+-\\d{8}T\\d{6}\\.\\d{3}Z-[a-z0-9._-]{1,64}(-\\d+)?\\.jsonl\\.lz4");

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Names handed out and not yet on disk, across every snapshot sink of this JVM. */
    private static final Set<Path> RESERVED = new HashSet<>();

    private SnapshotNames() {
    }

    /**
     * A reason made safe for a file name: lower case ASCII letters, digits, {@code _ . -};
     * every other run of characters becomes one {@code _}; no leading or trailing {@code _ . -};
     * at most {@value #MAX_REASON_LENGTH} characters; {@code "snapshot"} when nothing is left.
     */
    public static String sanitise(String reason) {
        StringBuilder sb = new StringBuilder(Math.min(reason == null ? 0 : reason.length(), MAX_REASON_LENGTH));
        boolean pendingGap = false;
        if (reason != null) {
            for (int i = 0; i < reason.length() && sb.length() < MAX_REASON_LENGTH; i++) {
                char c = Character.toLowerCase(reason.charAt(i));
                boolean safe = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
                if (!safe || c == '_') {
                    pendingGap = sb.length() > 0;
                    continue;
                }
                if (pendingGap) {
                    sb.append('_');
                    pendingGap = false;
                    if (sb.length() >= MAX_REASON_LENGTH) {
                        break;
                    }
                }
                sb.append(c);
            }
        }
        // No name made here may look hidden, relative (".."), or end in a separator.
        int start = 0;
        int end = sb.length();
        while (start < end && isEdge(sb.charAt(start))) {
            start++;
        }
        while (end > start && isEdge(sb.charAt(end - 1))) {
            end--;
        }
        return start == end ? EMPTY_REASON : sb.substring(start, end);
    }

    private static boolean isEdge(char c) {
        return c == '_' || c == '.' || c == '-';
    }

    /** The UTC timestamp part of a name, to the millisecond: {@code 20261123T032141.123Z}. */
    public static String timestamp(Instant time) {
        return STAMP.format(time);
    }

    /**
     * The base name (before any counter suffix) for a snapshot of this process.
     *
     * @param reason an already sanitised reason
     */
    static String baseName(long pid, Instant created, String reason) {
        return PREFIX + pid + "-" + timestamp(created) + "-" + reason;
    }

    /**
     * Reserves a name in {@code dir} that no file there has and no other snapshot of this JVM is
     * writing; {@link #release} it once the file is in place (or given up).
     */
    static Path reserve(Path dir, long pid, Instant created, String reason) {
        String base = baseName(pid, created, reason);
        synchronized (RESERVED) {
            for (int n = 1; ; n++) {
                Path candidate = dir.resolve(n == 1 ? base + SUFFIX : base + "-" + n + SUFFIX);
                if (!RESERVED.contains(candidate) && !Files.exists(candidate) && !Files.exists(tempFor(candidate))) {
                    RESERVED.add(candidate);
                    return candidate;
                }
            }
        }
    }

    /** Ends the reservation of {@code name}. */
    static void release(Path name) {
        synchronized (RESERVED) {
            RESERVED.remove(name);
        }
    }

    /** The temporary name a snapshot is written under before its atomic rename: hidden, {@code .tmp}. */
    static Path tempFor(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".tmp");
    }

    /** True for the names of finished snapshot files. */
    public static boolean isSnapshotName(String fileName) {
        return NAME.matcher(fileName).matches();
    }

    /** True for the names of snapshot files still (or left) under their temporary name. */
    static boolean isTempName(String fileName) {
        return fileName.startsWith("." + PREFIX) && fileName.endsWith(SUFFIX + ".tmp");
    }
}
