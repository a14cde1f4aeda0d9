/**
 * The hotspot daemon: drives LoRa and WiFi radio modules over serial with their AT command sets (or
 * a concentrator through lora-gateway's packet-forwarder server), schedules beacons, witnesses
 * others, and signs and submits reports through a durable outbox.
 *
 * <p>Packages: {@code radio} (ports), {@code serial} (drivers, the only jssc user), {@code
 * concentrator} (a concentrator as a radio port, the only lora-gateway server user), {@code
 * emulator} (module and concentrator emulators for tests and demos), {@code outbox} (durable store
 * and sender), {@code oracle} (HTTP client of the oracle), {@code daemon} (config, schedule,
 * wiring, status).
 */
package org.hexproof.bridge;
