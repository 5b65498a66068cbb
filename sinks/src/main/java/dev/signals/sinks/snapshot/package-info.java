/**
 * Snapshot files: {@link dev.signals.sinks.snapshot.SnapshotSink} writes the window of a
 * time-travel buffer to {@code signals-<pid>-<time>-<reason>.jsonl.lz4} (a standard LZ4 frame
 * holding a header line and Event JSON lines) on a trigger, with cool-downs, retention limits,
 * atomic renames and owner-only permissions. See {@code docs/time-travel.md}.
 */
package dev.signals.sinks.snapshot;
