/**
 * Reading snapshot files: {@link dev.signals.sinks.reader.SnapshotReader} yields each file's
 * header ({@link dev.signals.sinks.reader.SnapshotInfo}) and its events
 * ({@link dev.signals.sinks.reader.SnapshotEvent}). Damaged files yield every event before
 * the damage and then a {@link dev.signals.sinks.reader.SnapshotDamagedException} naming its
 * byte offset. The command line that lists, filters and summarises snapshots is
 * {@code signals snapshot} in the {@code signals-cli} module. See {@code docs/time-travel.md}.
 */
package dev.signals.sinks.reader;
