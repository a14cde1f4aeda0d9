/**
 * The RF medium simulator: who hears whom, how strongly, and what collides.
 *
 * <h2>Model</h2>
 *
 * <ul>
 *   <li><b>Free-space loss</b> {@code FSPL(d, f) = 20·log10(4π·d·f / c)}, c = 299 792 458 m/s; at 1
 *       m and 868 MHz it is 31.2 dB. It is the formula of the oracle's RSSI rule (poc-rules.md §3).
 *   <li><b>Log-distance loss</b> {@code PL(d) = FSPL(d0, f) + 10·n·log10(d / d0)}, d0 = 1 m, at the
 *       frame's own carrier; n per {@link org.hexproof.fieldtests.rf.RfEnvironment} (urban 3.5,
 *       suburban 3.0, rural 2.6; Rappaport, <i>Wireless Communications</i>, Table 4.2). Distance is
 *       the slant range: haversine on H3's sphere combined with the antenna heights.
 *   <li><b>Shadowing</b> {@code X ~ N(0, σ²)} dB, one draw per unordered pair of radio ids and seed
 *       (SHA-256 → Box–Muller), so a link is the same both ways and in every run with that seed.
 *   <li><b>Never above free space:</b> {@code L = max(FSPL(d), PL(d) + X)}. A real terrestrial link
 *       is at or below free space; PoC rejects a witness whose RSSI exceeds it (bad_rssi,
 *       poc-rules.md §2 item 12), so a realistic simulator must never produce one.
 *   <li><b>Received power</b> {@code P = P_tx + G_tx − L + G_rx} dBm (EIRP = conducted power plus
 *       antenna gain; gains in ddBi as Helium stores them).
 *   <li><b>Noise</b> {@code N = −174 + 10·log10(BW) + NF} dBm, NF = 6 dB; {@code SNR = P − N},
 *       which is negative below the noise floor, as LoRa reports it.
 *   <li><b>LoRa demodulation:</b> heard when {@code SNR ≥ SNRmin(SF)}: −7.5 dB at SF7 … −20 dB at
 *       SF12 (SX1276 Table 13, radio.md §3.2), so sensitivity is {@code N + SNRmin} (−124.5 dBm at
 *       SF7BW125, −137 dBm at SF12BW125, matching the SX1272 table within 0.5 dB).
 *   <li><b>Reported signal:</b> RSSI = ⌊P⌋ dBm (the packet's signal RSSI, sx1302 {@code rssis}),
 *       SNR to 0.1 dB; the forwarder adds the channel RSSI {@code 10·log10(10^(P/10) + 10^(N/10))}.
 *   <li><b>WiFi:</b> the same loss model at the channel's 2.4 GHz centre, noise in 20 MHz, a 4 dB
 *       SNR floor for 1 Mb/s beacons (−91 dBm with NF 6; see {@link
 *       org.hexproof.fieldtests.rf.LinkBudget#WIFI_MIN_SNR_DB}).
 *   <li><b>Collisions:</b> frames on the same frequency and datarate that overlap in time (by
 *       {@link org.hexproof.core.radio.LoraAirtime}) interfere; at each receiver a frame survives
 *       only when it is at least 6 dB above every rival (capture), so the weaker is always lost and
 *       both are lost when neither leads by 6 dB. Different spreading factors are treated as
 *       orthogonal.
 *   <li><b>Half duplex:</b> a radio hears nothing that overlaps one of its own transmissions.
 * </ul>
 *
 * <p>Every random draw comes from the environment's seed; there is no other randomness.
 *
 * <p>Sources: radio.md §3 (time on air, SNR floor, sensitivity); poc-rules.md §2–§3 (distance
 * limits, free-space rule); Rappaport, <i>Wireless Communications: Principles and Practice</i>, 2nd
 * ed., §4.9 (log-distance, log-normal shadowing); Petäjäjärvi et al., "On the coverage of LPWANs",
 * ITST 2015 (σ ≈ 7.8 dB at 868 MHz); Bor et al., "Do LoRa low-power wide-area networks scale?",
 * MSWiM 2016 (6 dB capture).
 */
package org.hexproof.fieldtests.rf;
