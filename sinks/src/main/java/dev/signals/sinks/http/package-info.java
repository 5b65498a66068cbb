/**
 * The {@code http} sink: events posted in NDJSON batches with retries, backoff and
 * {@code Retry-After}, credentials taken from the environment and never logged; a batch sink
 * whose failed batches are named to the router event by event.
 */
package dev.signals.sinks.http;
