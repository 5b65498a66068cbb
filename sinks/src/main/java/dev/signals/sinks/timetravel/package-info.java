/**
 * The time-travel buffer: {@link dev.signals.sinks.timetravel.TimeTravelSink} keeps the last N
 * events of every severity in a lock-free ring, and
 * {@link dev.signals.sinks.timetravel.TimeTravelSink#copy()} takes a consistent
 * {@link dev.signals.sinks.timetravel.Window} of them without emptying it. Snapshot sinks
 * ({@code dev.signals.sinks.snapshot}) write such windows to files. See {@code docs/time-travel.md}.
 */
package dev.signals.sinks.timetravel;
