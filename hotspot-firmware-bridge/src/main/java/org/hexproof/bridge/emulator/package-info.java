/**
 * Firmware emulators: each answers one module's AT dialect (radio.md §4) on one end of a serial
 * link, so that drivers, field tests and the devnet can run without hardware.
 *
 * <p>An emulator owns one {@link org.hexproof.bridge.serial.LineChannel} (in practice a {@link
 * org.hexproof.bridge.serial.JsscLineChannel} on a {@link org.hexproof.bridge.serial.SocatPair}
 * end; this package never touches jssc itself) and handles every command, timer and received frame
 * one at a time, in order, so its state needs no locks: on a thread of its own by default, or on a
 * scheduler shared by many emulators ({@link org.hexproof.bridge.emulator.EmulatorRuntime}). LoRa
 * emulators share a {@link org.hexproof.bridge.emulator.RadioMedium}: a transmission reaches every
 * other attached radio that listens with matching settings ({@link
 * org.hexproof.bridge.radio.RadioSettings#hears}). Transmissions take their computed time on air
 * (radio.md §3.1), and every module-side delay (time on air, reboot, scan, receive window) passes
 * on the runtime's {@link org.hexproof.bridge.emulator.TimeBase}: real time by default, {@code
 * physical / speed} of wall time inside a simulation on an accelerated clock. WiFi emulators share
 * a {@link org.hexproof.bridge.emulator.WifiMedium}: {@link org.hexproof.bridge.emulator.WifiAir}
 * shows every access point to every scanner at one fixed RSSI; a simulator with positions can
 * implement it outside this module.
 *
 * <p>Test hooks on {@link org.hexproof.bridge.emulator.ModuleEmulator}: stay silent, and slip an
 * unsolicited line into the middle of the next reply.
 */
package org.hexproof.bridge.emulator;
