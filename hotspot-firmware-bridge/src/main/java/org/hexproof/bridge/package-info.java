/**
 * The hotspot daemon: drives LoRa and WiFi radio modules over serial with their AT command sets (or
 * a concentrator through lora-gateway, TODO(#5)), schedules beacons, witnesses others, and signs
 * and submits reports through a durable outbox.
 *
 * <p>Packages: {@code radio} (ports), {@code serial} (drivers, the only jssc user), {@code
 * emulator} (module emulators for tests and demos), {@code outbox} (durable store and sender),
 * {@code oracle} (HTTP client of the oracle), {@code daemon} (config, schedule, wiring, status).
 */
package org.hexproof.bridge;
