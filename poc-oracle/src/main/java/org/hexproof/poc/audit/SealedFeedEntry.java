package org.hexproof.poc.audit;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A feed entry as the worker wrote it: its id, beacon and the SHA-256 of its rendered JSON text.
 *
 * @param id the feed id
 * @param beaconReportId the beacon it carries
 * @param entrySha256 SHA-256 of the entry's UTF-8 text, 32 bytes
 */
public record SealedFeedEntry(long id, String beaconReportId, byte[] entrySha256) {
  /** Validates and copies. */
  public SealedFeedEntry {
    Objects.requireNonNull(beaconReportId, "beaconReportId");
    if (entrySha256.length != 32) {
      throw new IllegalArgumentException(
          "entrySha256: expected 32 bytes, got " + entrySha256.length);
    }
    entrySha256 = entrySha256.clone();
  }

  @Override
  public byte[] entrySha256() {
    return entrySha256.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SealedFeedEntry e
        && e.id == id
        && e.beaconReportId.equals(beaconReportId)
        && Arrays.equals(e.entrySha256, entrySha256);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, beaconReportId, Arrays.hashCode(entrySha256));
  }

  @Override
  public String toString() {
    return "SealedFeedEntry[id="
        + id
        + ", beaconReportId="
        + beaconReportId
        + ", entrySha256="
        + HexFormat.of().formatHex(entrySha256)
        + "]";
  }
}
