/**
 * The {@code kafka} sink: events appended to a local spool (a write-ahead log) and sent from it
 * to a Kafka topic by a thread of the sink's own, so that Kafka being away neither holds the
 * application nor loses its events. See {@code docs/kafka.md}.
 */
package dev.signals.kafka;
