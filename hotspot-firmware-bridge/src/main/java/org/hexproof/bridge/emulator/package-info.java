/**
 * Firmware emulators: each answers one module's AT dialect (radio.md §4) on one end of a serial
 * link, so that drivers, field tests and the devnet can run without hardware.
 *
 * <p>An emulator owns one {@link org.hexproof.bridge.serial.LineChannel} (in practice a {@link
 * org.hexproof.bridge.serial.JsscLineChannel} on a {@link org.hexproof.bridge.serial.SocatPair}
 * end; this package never touches jssc itself) and handles every command, timer and received frame
 * on its own single thread, so its state needs no locks. LoRa emulators share a {@link
 * org.hexproof.bridge.emulator.RadioMedium}: a transmission reaches every other attached radio that
 * listens with matching settings ({@link org.hexproof.bridge.radio.RadioSettings#hears}).
 * Transmissions take their computed time on air (radio.md §3.1). WiFi emulators share a {@link
 * org.hexproof.bridge.emulator.WifiAir}.
 *
 * <p>Test hooks on {@link org.hexproof.bridge.emulator.ModuleEmulator}: stay silent, and slip an
 * unsolicited line into the middle of the next reply.
 */
package org.hexproof.bridge.emulator;
