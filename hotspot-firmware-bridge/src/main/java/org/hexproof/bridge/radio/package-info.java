/**
 * Ports and values for the radios a hotspot drives: a LoRa module ({@link
 * org.hexproof.bridge.radio.RadioPort}) and a WiFi module ({@link
 * org.hexproof.bridge.radio.WifiPort}).
 *
 * <p>Terms: <em>settings</em> are the modulation both ends of a link must share (radio.md §4.5:
 * public sync word 0x34, IQ not inverted, 8-symbol preamble, CRC on, explicit header); a
 * <em>frame</em> is the PHY payload as the module hands it over, without CRC. Failures come in four
 * kinds, all unchecked: the module answered with an error ({@link
 * org.hexproof.bridge.radio.RadioException}, carrying the module's own text), it did not answer in
 * time ({@link org.hexproof.bridge.radio.CommandTimeoutException}), the link is gone ({@link
 * org.hexproof.bridge.radio.LinkDownException}), or the region's rules forbid the transmission
 * ({@link org.hexproof.bridge.radio.TransmitRefusedException}, from a radio that checks them
 * itself, as a concentrator does).
 *
 * <p>This package is pure: no jssc, no threads, no clock reads.
 */
package org.hexproof.bridge.radio;
