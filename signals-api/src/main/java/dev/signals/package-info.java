/**
 * The Signals API: declare {@link dev.signals.Signal}s, emit them with typed
 * {@link dev.signals.Field}s through {@link dev.signals.Signals}, and receive them as
 * {@link dev.signals.Event}s in {@link dev.signals.Sink}s. This module has no dependencies.
 */
package dev.signals;
