package org.hexproof.coverage.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;
import java.util.Map;

/**
 * The JSON bodies of the coverage API (snake_case, like the feed). Null members are written as
 * {@code null}, not left out, so clients can tell "not mapped" (null RSSI) from a missing field.
 */
final class Views {
  private Views() {}

  /**
   * The answer of {@code GET /v1/coverage/point}.
   *
   * @param lat latitude asked about
   * @param lng longitude asked about
   * @param covered whether a hotspot is expected to hear a device here
   * @param status MODELED, MEASURED, MEASURED_NONE or NOT_MAPPED
   * @param source MODELED or MEASURED; null when not mapped
   * @param level HIGH, MEDIUM, LOW or NONE
   * @param rssiDbm predicted (modeled) or best measured RSSI in dBm; null when none
   * @param cell the H3 cell (hex) at the map's resolution
   * @param resolution that cell's resolution
   * @param samples evidence behind the answer
   * @param lastObservedAt freshness of the evidence; null when not mapped
   * @param bestHotspots strongest first
   * @param asOf the instant the map was built for
   * @param mapVersion the map version
   * @param technology the map answered from: {@code lora} (default) or {@code wifi}
   * @param coveredByTechnology {@code covered} on each map, {@code lora} and {@code wifi}
   */
  @Serdeable(naming = SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Point(
      double lat,
      double lng,
      boolean covered,
      String status,
      @Nullable String source,
      String level,
      @Nullable Double rssiDbm,
      String cell,
      int resolution,
      int samples,
      @Nullable String lastObservedAt,
      List<Signal> bestHotspots,
      String asOf,
      long mapVersion,
      String technology,
      Map<String, Boolean> coveredByTechnology) {}

  /**
   * One hotspot's signal at a point.
   *
   * @param hotspot base58 key
   * @param distanceM hotspot to cell centre, metres
   * @param rssiDbm predicted or measured RSSI, dBm
   */
  @Serdeable(naming = SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Signal(String hotspot, long distanceM, double rssiDbm) {}

  /**
   * A hotspot as markers and the detail panel show it.
   *
   * @param key base58 key
   * @param lat latitude of its cell centre, or null without a location
   * @param lng longitude of its cell centre, or null
   * @param cell asserted cell (hex), or null
   * @param datarate beacon datarate (a LoRa one, or WIFI_2G4), or null when it never beaconed from
   *     a location
   * @param radio {@code lora} or {@code wifi}: the map its coverage is on; null with no datarate
   * @param lastValidPoc newest valid PoC, or null
   * @param counted whether its coverage is on the map (fresh PoC and a fitted model)
   * @param validBeacons valid beacons seen
   * @param validWitnesses valid witnesses it made
   * @param witnessSamples witnesses of its beacons behind its path-loss fit
   * @param coveredCells cells it is predicted to cover (0 when not counted)
   * @param rangeM its coverage radius in metres, or null when not counted
   */
  @Serdeable(naming = SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Hotspot(
      String key,
      @Nullable Double lat,
      @Nullable Double lng,
      @Nullable String cell,
      @Nullable String datarate,
      @Nullable String radio,
      @Nullable String lastValidPoc,
      boolean counted,
      long validBeacons,
      long validWitnesses,
      int witnessSamples,
      int coveredCells,
      @Nullable Long rangeM) {}

  /**
   * The zoom → resolution ladder the page and tiles use.
   *
   * @param pointsOnlyMaxZoom zooms at or below draw hotspot points only
   * @param dataResolution the map's own resolution
   * @param resolutionByZoom index = zoom 0..22; null where points only
   */
  @Serdeable(naming = SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Ladder(int pointsOnlyMaxZoom, int dataResolution, List<Integer> resolutionByZoom) {}

  /**
   * The answer of {@code GET /v1/coverage/summary}.
   *
   * @param technology LORA
   * @param resolution the map's resolution
   * @param asOf the instant the map was built for
   * @param mapVersion the map version
   * @param feedCursor last feed id included
   * @param totalCells mapped cells
   * @param cellsByLevel per level
   * @param cellsBySource per source
   * @param hotspotsKnown hotspots named by the feed
   * @param hotspotsCounted hotspots with coverage on the map
   * @param hotspotsStale hotspots with a model but no recent valid PoC
   * @param newestObservation newest freshness, or null for an empty map
   * @param oldestObservation oldest freshness, or null
   * @param ladder zoom → resolution
   * @param tileUrl online base-map template, empty for none
   * @param tileAttribution its attribution
   */
  @Serdeable(naming = SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Summary(
      String technology,
      int resolution,
      String asOf,
      long mapVersion,
      long feedCursor,
      int totalCells,
      Map<String, Integer> cellsByLevel,
      Map<String, Integer> cellsBySource,
      int hotspotsKnown,
      int hotspotsCounted,
      int hotspotsStale,
      @Nullable String newestObservation,
      @Nullable String oldestObservation,
      Ladder ladder,
      String tileUrl,
      String tileAttribution) {}

  /**
   * One drive-test measurement as uploaded.
   *
   * @param lat latitude, degrees
   * @param lng longitude, degrees
   * @param time ISO-8601 instant it was sent
   * @param rssi best RSSI a hotspot heard it at, dBm; null when nobody heard it
   * @param snr SNR with that RSSI, dB; null when nobody heard it
   * @param heardBy base58 keys of the hotspots that heard it; empty when nobody did
   */
  @Serdeable(naming = SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record MeasurementInput(
      @Nullable Double lat,
      @Nullable Double lng,
      @Nullable String time,
      @Nullable Double rssi,
      @Nullable Double snr,
      @Nullable List<String> heardBy) {}

  /**
   * The answer of a measurement upload.
   *
   * @param accepted measurements in the upload, all valid
   * @param stored of those, the ones stored now
   * @param alreadyStored of those, the ones stored before (same time, place and hearers)
   * @param mapVersion the map version that includes them
   */
  @Serdeable(naming = SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Accepted(int accepted, int stored, int alreadyStored, long mapVersion) {}

  /**
   * Model accuracy against drive tests, overall or for one hotspot (definitions: {@code
   * ModelAccuracy}).
   *
   * @param hotspot base58 key; null for the whole map
   * @param points drive-test points (mapper packets) judged
   * @param heard points heard (by this hotspot; overall, by anyone)
   * @param predictedCovered points whose cell the model claims
   * @param truePositives claimed and heard
   * @param falsePositives claimed, not heard
   * @param falseNegatives heard, not claimed
   * @param trueNegatives neither
   * @param precision TP / (TP + FP); null when nothing was claimed
   * @param recall TP / (TP + FN); null when nothing was heard
   * @param rssiPairs hearings with a measured and a predicted RSSI
   * @param rmseDb RMS of predicted − measured RSSI, dB; null without pairs
   * @param meanErrorDb mean of predicted − measured RSSI, dB; null without pairs
   */
  @Serdeable(naming = SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Accuracy(
      @Nullable String hotspot,
      int points,
      int heard,
      int predictedCovered,
      int truePositives,
      int falsePositives,
      int falseNegatives,
      int trueNegatives,
      @Nullable Double precision,
      @Nullable Double recall,
      int rssiPairs,
      @Nullable Double rmseDb,
      @Nullable Double meanErrorDb) {}

  /**
   * The answer of {@code GET /v1/coverage/accuracy}.
   *
   * @param asOf the instant the judged map was built for
   * @param mapVersion its version
   * @param overall the whole map against every measurement
   * @param hotspots per hotspot, base58 order
   */
  @Serdeable(naming = SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record AccuracyReport(String asOf, long mapVersion, Accuracy overall, List<Accuracy> hotspots) {}
}
