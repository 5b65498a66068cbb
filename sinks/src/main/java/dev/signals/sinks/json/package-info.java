/**
 * Event JSON: {@link dev.signals.sinks.json.EventJsonWriter} encodes an event as one line of
 * JSON with jackson-core, into a reused buffer. The format is specified in
 * {@code docs/format.md}.
 */
package dev.signals.sinks.json;
