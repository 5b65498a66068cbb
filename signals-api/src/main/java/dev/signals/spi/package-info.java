/**
 * The service-provider interface between the API and an implementation (the router). Application
 * code never needs it.
 */
package dev.signals.spi;
