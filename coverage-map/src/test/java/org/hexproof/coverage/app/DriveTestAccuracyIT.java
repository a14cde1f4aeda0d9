package org.hexproof.coverage.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hexproof.coverage.app.FeedFixtures.VALLETTA;
import static org.hexproof.coverage.app.FeedFixtures.east;
import static org.hexproof.coverage.app.FeedFixtures.key;
import static org.hexproof.coverage.app.FeedFixtures.north;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.radio.LoraDataRate;
import org.hexproof.coverage.model.Accuracy;
import org.hexproof.coverage.model.AccuracyReport;
import org.hexproof.coverage.model.BeaconRadio;
import org.hexproof.coverage.model.CoverageSettings;
import org.hexproof.coverage.model.HotspotCoverage;
import org.hexproof.coverage.model.HotspotProfile;
import org.hexproof.coverage.model.Measurement;
import org.hexproof.coverage.model.ModelAccuracy;
import org.hexproof.coverage.model.PathLossModel;
import org.hexproof.coverage.model.WitnessSample;
import org.junit.jupiter.api.Test;

/**
 * Drive-test measurements against embedded PostgreSQL: uploading the same file twice stores it
 * once, a conflicting re-upload is refused with the rest of its upload (the report still counts six
 * points), and {@code GET /v1/coverage/accuracy} answers what {@link ModelAccuracy} computes from
 * the same inputs (the feed's witnesses of hotspot 1, fitted the same way, and the measurements).
 */
class DriveTestAccuracyIT {
  private static Map<String, Object> row(LatLng at, Instant t, Double rssi, Double snr, int... by) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lat", at.latDegrees());
    m.put("lng", at.lngDegrees());
    m.put("time", t.toString());
    m.put("rssi", rssi);
    m.put("snr", snr);
    List<String> keys = new ArrayList<>();
    for (int k : by) {
      keys.add(key(k).toBase58());
    }
    m.put("heard_by", keys);
    return m;
  }

  /** A drive past hotspot 1 (claims 4.8 km) with hotspot 2 (not on the map) also hearing. */
  private static List<Map<String, Object>> drive(Instant t) {
    LatLng p1 = east(VALLETTA, 1000);
    return List.of(
        row(p1, t, -97.0, 5.0, 1),
        row(p1, t, -121.0, -8.0, 2),
        row(north(VALLETTA, 2000), t.plusSeconds(10), -105.0, 2.0, 1),
        row(east(VALLETTA, -3000), t.plusSeconds(20), null, null),
        row(east(VALLETTA, 20_000), t.plusSeconds(30), -120.0, -7.0, 2),
        row(north(VALLETTA, 30_000), t.plusSeconds(40), null, null),
        row(north(VALLETTA, -1000), t.plusSeconds(50), -99.0, 4.0, 1, 2));
  }

  private static Measurement measurement(Map<String, Object> row) {
    LatLng at = new LatLng((double) row.get("lat"), (double) row.get("lng"));
    Instant t = Instant.parse((String) row.get("time"));
    @SuppressWarnings("unchecked")
    List<String> by = (List<String>) row.get("heard_by");
    if (by.isEmpty()) {
      return Measurement.notHeard(at, t);
    }
    Set<PublicKey> keys = new java.util.HashSet<>();
    by.forEach(k -> keys.add(PublicKey.fromBase58(k)));
    return Measurement.heard(at, t, (double) row.get("rssi"), (double) row.get("snr"), keys);
  }

  /** Hotspot 1 as the service models it: the scenario's three beacons of four witnesses each. */
  private static HotspotCoverage hotspotOne(Instant when) {
    List<WitnessSample> samples = new ArrayList<>();
    for (int beacon = 0; beacon < 3; beacon++) {
      for (int km = 1; km <= 4; km++) {
        double rssi = Math.round((-100 - 30 * Math.log10(km)) * 10) / 10.0;
        samples.add(
            new WitnessSample(
                key(1), east(VALLETTA, km * 1000.0), km * 1000.0, rssi, 3.5, 867_900_032L, when));
      }
    }
    PathLossModel model = PathLossModel.fit(samples, CoverageSettings.DEFAULT.pathLoss()).get();
    HotspotProfile profile =
        new HotspotProfile(
            key(1),
            H3Cell.fromLatLng(VALLETTA, 12).center(),
            new BeaconRadio.Lora(LoraDataRate.parse("SF12BW125")));
    return HotspotCoverage.predict(profile, model, 4000, CoverageSettings.DEFAULT);
  }

  @Test
  void a_drive_is_stored_once_and_judged_as_the_pure_computation_judges_it() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (StubOracle oracle = new StubOracle()) {
      FeedFixtures.scenario(now).forEach(oracle::add);
      try (RunningService service = new RunningService(oracle.url(), null)) {
        service.awaitCursor(oracle.lastId());
        List<Map<String, Object>> drive = drive(now.minusSeconds(120));
        String body = RunningService.JSON.writeValueAsString(drive);

        JsonNode first =
            RunningService.parse(service.post("/v1/coverage/measurements", body).body());
        HttpResponse<String> again = service.post("/v1/coverage/measurements", body);

        assertThat(first.get("accepted").asInt()).isEqualTo(7);
        assertThat(first.get("stored").asInt()).isEqualTo(7);
        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode second = RunningService.parse(again.body());
        assertThat(second.get("stored").asInt()).isZero();
        assertThat(second.get("already_stored").asInt()).isEqualTo(7);

        Map<String, Object> fresh = row(north(VALLETTA, 500), now, null, null);
        Map<String, Object> conflicting = new LinkedHashMap<>(drive.get(2));
        conflicting.put("rssi", -104.0);
        HttpResponse<String> refused =
            service.post(
                "/v1/coverage/measurements",
                RunningService.JSON.writeValueAsString(List.of(fresh, conflicting)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(RunningService.parse(refused.body()).get("detail").asText())
            .startsWith("measurements[1]: expected the signal already stored")
            .contains("rssi=-105.0")
            .contains("got rssi=-104.0");

        List<Measurement> measurements =
            drive.stream().map(DriveTestAccuracyIT::measurement).toList();
        AccuracyReport expected =
            ModelAccuracy.evaluate(List.of(hotspotOne(now)), measurements, Optional.empty());
        JsonNode report = service.json("/v1/coverage/accuracy");

        assertSame(report.get("overall"), expected.overall());
        assertThat(report.get("overall").get("points").asInt()).isEqualTo(6);
        assertThat(report.get("hotspots")).hasSize(expected.hotspots().size());
        for (int i = 0; i < expected.hotspots().size(); i++) {
          assertSame(report.get("hotspots").get(i), expected.hotspots().get(i));
        }
        JsonNode one = service.json("/v1/coverage/accuracy?hotspot=" + key(1).toBase58());
        assertThat(one.get("hotspots")).hasSize(1);
        assertThat(one.get("hotspots").get(0).get("hotspot").asText()).isEqualTo(key(1).toBase58());
        assertThat(service.get("/v1/coverage/accuracy?hotspot=nope").statusCode()).isEqualTo(400);
      }
    }
  }

  private static void assertSame(JsonNode actual, Accuracy expected) {
    assertThat(actual.get("hotspot").isNull()).isEqualTo(expected.hotspot().isEmpty());
    expected
        .hotspot()
        .ifPresent(k -> assertThat(actual.get("hotspot").asText()).isEqualTo(k.toBase58()));
    assertThat(actual.get("points").asInt()).isEqualTo(expected.points());
    assertThat(actual.get("heard").asInt()).isEqualTo(expected.heard());
    assertThat(actual.get("predicted_covered").asInt()).isEqualTo(expected.predictedCovered());
    assertThat(actual.get("true_positives").asInt()).isEqualTo(expected.truePositives());
    assertThat(actual.get("false_positives").asInt()).isEqualTo(expected.falsePositives());
    assertThat(actual.get("false_negatives").asInt()).isEqualTo(expected.falseNegatives());
    assertThat(actual.get("true_negatives").asInt()).isEqualTo(expected.trueNegatives());
    assertThat(actual.get("rssi_pairs").asInt()).isEqualTo(expected.rssiPairs());
    same(actual.get("precision"), expected.precision());
    same(actual.get("recall"), expected.recall());
    same(actual.get("rmse_db"), expected.rmseDb());
    same(actual.get("mean_error_db"), expected.meanErrorDb());
  }

  private static void same(JsonNode actual, OptionalDouble expected) {
    if (expected.isEmpty()) {
      assertThat(actual.isNull()).as("%s is null", actual).isTrue();
    } else {
      assertThat(actual.asDouble()).isCloseTo(expected.getAsDouble(), within(1e-9));
    }
  }
}
