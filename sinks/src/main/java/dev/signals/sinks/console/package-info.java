/**
 * Console sinks: {@link dev.signals.sinks.console.ConsoleJsonSink} (Event JSON lines, for
 * machines) and {@link dev.signals.sinks.console.ConsolePrettySink} (one readable line per
 * event, for people), with their factories for the types {@code console-json},
 * {@code console-pretty} and {@code console}.
 */
package dev.signals.sinks.console;
