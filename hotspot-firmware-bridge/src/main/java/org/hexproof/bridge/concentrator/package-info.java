/**
 * A concentrator gateway as a hotspot's LoRa radio: the adapter between the daemon's {@link
 * org.hexproof.bridge.radio.RadioPort} and lora-gateway's packet-forwarder server (GWMP over UDP,
 * radio.md §1), beacon transmitter and regional regulation. The only package of this module that
 * uses lora-gateway's server; it never touches lora-gateway's Micronaut application.
 */
package org.hexproof.bridge.concentrator;
