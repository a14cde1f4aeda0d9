/**
 * The hotspot daemon: drives LoRa and WiFi radio modules over serial with their AT command sets (or
 * a concentrator through lora-gateway), schedules beacons, witnesses others, and signs and submits
 * reports through a durable outbox.
 *
 * <p>Nothing lives here yet; README.md lists the module's role and the issue that builds it.
 */
package org.hexproof.bridge;
