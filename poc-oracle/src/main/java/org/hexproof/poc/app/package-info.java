/**
 * Micronaut wiring of the oracle: configuration, the factory that builds the plain adapters,
 * controllers, schedulers, metrics and the problem-JSON handler. Every bean requires {@code
 * hexproof.oracle.enabled != false}, so several services can share one context.
 */
package org.hexproof.poc.app;
