/**
 * A Log4j API provider ({@link dev.signals.log4j.SignalsLog4jProvider}): calls made through
 * {@code org.apache.logging.log4j.LogManager} loggers become Signals events, with the logger
 * name mapped to signals and levels as for SLF4J, JUL and System.Logger (signals-slf4j), and a
 * {@code MapMessage}'s entries as typed fields.
 */
package dev.signals.log4j;
