package org.hexproof.fieldtests.drive;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.coverage.model.Measurement;

/**
 * One row of a drive-test file (docs/drive-test-csv.md): a mapper packet sent at a place and time,
 * and either one hotspot that heard it or, for a packet nobody heard, no hearing.
 *
 * @param location where the packet was sent, not null
 * @param time when, not null
 * @param hearing who heard it and how strongly; empty for a packet nobody heard
 */
public record DriveRow(LatLng location, Instant time, Optional<Hearing> hearing) {

  /**
   * One hotspot's reception of the packet.
   *
   * @param hotspot the hotspot's key, not null
   * @param rssiDbm received signal strength, dBm, in [{@link DriveCsv#MIN_RSSI_DBM}, {@link
   *     DriveCsv#MAX_RSSI_DBM}]
   * @param snrDb signal-to-noise ratio, dB, in [{@link DriveCsv#MIN_SNR_DB}, {@link
   *     DriveCsv#MAX_SNR_DB}]
   */
  public record Hearing(PublicKey hotspot, double rssiDbm, double snrDb) {
    /** Validates. */
    public Hearing {
      Objects.requireNonNull(hotspot, "hotspot");
      if (!(rssiDbm >= DriveCsv.MIN_RSSI_DBM && rssiDbm <= DriveCsv.MAX_RSSI_DBM)) {
        throw new IllegalArgumentException("rssiDbm: expected -200..50 dBm, got " + rssiDbm);
      }
      if (!(snrDb >= DriveCsv.MIN_SNR_DB && snrDb <= DriveCsv.MAX_SNR_DB)) {
        throw new IllegalArgumentException("snrDb: expected -50..50 dB, got " + snrDb);
      }
    }
  }

  /** Validates. */
  public DriveRow {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(hearing, "hearing");
  }

  /** A row for a packet {@code hotspot} heard. */
  public static DriveRow heard(
      LatLng location, Instant time, PublicKey hotspot, double rssiDbm, double snrDb) {
    return new DriveRow(location, time, Optional.of(new Hearing(hotspot, rssiDbm, snrDb)));
  }

  /** The row of a packet nobody heard. */
  public static DriveRow notHeard(LatLng location, Instant time) {
    return new DriveRow(location, time, Optional.empty());
  }

  /** The coverage service's measurement for this row: one hearer, or none. */
  public Measurement toMeasurement() {
    return hearing
        .map(h -> Measurement.heard(location, time, h.rssiDbm(), h.snrDb(), Set.of(h.hotspot())))
        .orElseGet(() -> Measurement.notHeard(location, time));
  }
}
