/**
 * The {@code file} sink: Event JSON lines in a file, rotated by size and time, old files
 * compressed and deleted in the background, and recovery by itself from disk faults.
 */
package dev.signals.sinks.file;
