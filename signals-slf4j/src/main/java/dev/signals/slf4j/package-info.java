/**
 * Bridges other logging APIs into Signals: an SLF4J 2 provider ({@link dev.signals.slf4j.SignalsServiceProvider}),
 * a {@code java.util.logging} handler ({@link dev.signals.slf4j.SignalsJulHandler}) and a
 * {@code System.LoggerFinder} ({@link dev.signals.slf4j.SignalsLoggerFinder}) for the JDK's own loggers.
 *
 * <p>Each log call becomes an event of its level's signal ({@code TRACE} … {@code ERROR}), or of
 * the signals a logger name is mapped to ({@link dev.signals.slf4j.Slf4jSignals#map}), with the
 * logger name as field {@code logger}. A level is enabled exactly when its signal is routed, and a
 * message is formatted only then.
 */
package dev.signals.slf4j;
