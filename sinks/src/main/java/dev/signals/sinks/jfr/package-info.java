/**
 * The {@code jfr} sink: {@link dev.signals.sinks.jfr.JfrSink} records signals as JDK Flight
 * Recorder events, next to the JVM's own (GC, CPU, locks), at no cost while no recording runs.
 * See {@code docs/sinks.md}.
 */
package dev.signals.sinks.jfr;
