/**
 * Drive tests (mapper ingestion): the drive-test file format ({@link
 * org.hexproof.fieldtests.drive.DriveCsv}, docs/drive-test-csv.md), and a simulated mapper ({@link
 * org.hexproof.fieldtests.drive.SimulatedMapper}) that drives a {@link
 * org.hexproof.fieldtests.drive.DriveRoute} past a {@link org.hexproof.fieldtests.drive.DriveFleet}
 * on the RF simulator and writes such a file.
 *
 * <p>Terms: a <em>point</em> is one mapper packet (lat, lng, time); a <em>hearing</em> is one
 * hotspot's reception of it (RSSI, SNR). A file holds one row per hearing, and one row with no
 * hearing for a point nobody heard. Invariants: a read file has at least one row, each point is
 * either heard (one row per distinct hotspot) or not (exactly one row), and {@code
 * DriveCsv.parse(DriveCsv.write(rows))} equals {@code rows}. The model is judged against these
 * files by coverage-map ({@code GET /v1/coverage/accuracy}), where the fitted models live.
 */
package org.hexproof.fieldtests.drive;
