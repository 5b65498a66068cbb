package dev.signals.sinks.snapshot;

import java.nio.file.Path;
import java.util.Map;

/**
 * The figures of one snapshot sink.
 *
 * @param written snapshots written to disk
 * @param coolingDown snapshots not taken because their reason was cooling down
 * @param dropped snapshots not taken because the writer already had as many waiting as it holds, or was closing
 * @param failed snapshots that could not be written (reported on stderr)
 * @param deleted old snapshot files deleted by retention
 * @param lastFile the last file written, or {@code null}
 * @param overBudget snapshots not taken because the sink's budget across reasons was spent
 * @param overBudgetByReason the same by sanitised reason (at most 256 reasons; the rest under {@code "(other)"})
 * @param writtenByReason snapshots written, by sanitised reason (bounded the same way)
 */
public record SnapshotStats(long written, long coolingDown, long dropped, long failed, long deleted, Path lastFile,
        long overBudget, Map<String, Long> overBudgetByReason, Map<String, Long> writtenByReason) {
}
