/**
 * The coverage model: from verified witnesses and field measurements to H3 cells with signal
 * levels. Pure: no I/O, no framework, no clock; "now" is always a parameter.
 *
 * <h2>Terms and units</h2>
 *
 * <ul>
 *   <li><b>Witness sample</b> ({@link org.hexproof.coverage.model.WitnessSample}): one valid
 *       witness of a beacon: distance (m), RSSI (dBm), SNR (dB), frequency (Hz), time.
 *   <li><b>Path-loss model</b> ({@link org.hexproof.coverage.model.PathLossModel}): {@code RSSI(d)
 *       = A − 10·n·log10(d / 1 km)} per beaconer, least squares of RSSI on {@code 10·log10(d / 1
 *       km)}. {@code n} is clamped to [2.0, 5.0] (free space to dense clutter); below 3 samples the
 *       slope is undetermined and {@code n} = 3.0 with {@code A} fitted for that slope. No
 *       witnesses → no model → no modeled coverage: the map claims nothing without evidence.
 *   <li><b>Sensitivity</b> ({@link org.hexproof.coverage.model.Sensitivity}): the coverage edge.
 *       LoRa: SX1272 datasheet per SF/BW (radio.md §3.2), e.g. SF9BW125 −130 dBm, SF12BW125 −137
 *       dBm; Wi-Fi: −85 dBm (HIP 93).
 *   <li><b>Levels</b> ({@link org.hexproof.coverage.model.SignalLevels}): HIGH / MEDIUM / LOW /
 *       NONE after HIP 74's tiers. Defaults LoRa High ≥ −100, Medium ≥ −110, Low ≥ sensitivity;
 *       Wi-Fi High ≥ −65, Medium ≥ −75, Low ≥ −85 dBm. Configuration, not constants.
 *   <li><b>Hotspot coverage</b> ({@link org.hexproof.coverage.model.HotspotCoverage}): cells at res
 *       9 (LoRa) or res 12 (Wi-Fi) whose centre is within {@code min(model range to sensitivity,
 *       1.2 × furthest valid witness)} and whose predicted RSSI is at or above sensitivity. The 1.2
 *       evidence factor stops a strong model from claiming coverage far beyond anything verified.
 *   <li><b>Fresh hotspot</b>: one whose last valid PoC is within the freshness window (24 h
 *       default) before "now"; stale hotspots contribute nothing.
 *   <li><b>Cell coverage</b> ({@link org.hexproof.coverage.model.CellCoverage}): per cell the best
 *       level and RSSI over fresh hotspots (MODELED), or from measurements in the cell (MEASURED),
 *       which replace the model there. Each cell keeps its source, sample count, freshness and best
 *       hotspots (top 3 default, HIP 85/105).
 *   <li><b>Measured, no coverage</b> vs <b>not mapped</b>: a measured cell where no measurement was
 *       heard is MEASURED_NONE (level NONE); a cell with no evidence at all is NOT_MAPPED. Lookups
 *       keep them apart (mappers #81).
 *   <li><b>Measured level</b>: the best heard RSSI in the cell classified with the technology's
 *       thresholds; a heard packet is at least LOW whatever its RSSI.
 * </ul>
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>A map holds one technology and one resolution; coarser views aggregate by parent cell, best
 *       level wins.
 *   <li>A modeled cell is never NONE; a measured cell is NONE exactly when nobody heard it.
 *   <li>Hotspot lists are strongest first, ties by key, so output is deterministic.
 * </ul>
 */
package org.hexproof.coverage.model;
