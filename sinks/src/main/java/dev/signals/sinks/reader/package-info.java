/**
 * Reading snapshot files: {@link dev.signals.sinks.reader.SnapshotReader} for code, and the
 * {@link dev.signals.sinks.reader.SnapshotCli} command line ({@code list}, {@code cat},
 * {@code stats}) packaged as {@code sinks/target/signals-snapshot.jar} and launched by
 * {@code bin/signals-snapshot}. Damaged files yield every event before the damage and an
 * error naming its byte offset. See {@code docs/time-travel.md}.
 */
package dev.signals.sinks.reader;
