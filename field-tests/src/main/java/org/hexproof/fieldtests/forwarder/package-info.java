/**
 * Packet forwarders on the simulated air: {@link
 * org.hexproof.fieldtests.forwarder.SimulatedForwarder} is an attached {@link
 * org.hexproof.fieldtests.rf.MultiChannelRadio} that turns what the {@link
 * org.hexproof.fieldtests.rf.SimulatedMedium} delivers into Semtech UDP PUSH_DATA (radio.md §1.2
 * rxpk) for a real gateway server, and puts the server's PULL_RESP txpks on the air.
 *
 * <p>Reported values: {@code rssis} is the signal power ⌊P⌋ dBm and {@code rssi} the channel power
 * {@code 10·log10(10^(P/10) + 10^(N/10))} with {@code N = P − SNR}, so {@code rssi ≥ rssis} and
 * both are at or below free space from the sender; {@code lsnr} is the SNR to 0.1 dB (negative
 * under the noise floor); {@code tmst} is µs since the forwarder started, modulo 2³² (radio.md
 * §1.2). The gateway server prefers {@code rssis}, as Helium does.
 */
package org.hexproof.fieldtests.forwarder;
