package org.hexproof.coverage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hexproof.coverage.model.Fixtures.NOW;
import static org.hexproof.coverage.model.Fixtures.VALLETTA;
import static org.hexproof.coverage.model.Fixtures.east;
import static org.hexproof.coverage.model.Fixtures.key;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hexproof.core.geo.LatLng;
import org.junit.jupiter.api.Test;

/**
 * Known answers, computed by hand: hotspot 1 at Valletta (SF9, A = −100 dBm at 1 km, n = 3,
 * furthest witness 4 km, so it claims cells within 4.8 km); hotspot 2 is heard but not on the map.
 * Six mapper packets:
 *
 * <pre>
 *   P1  1 km east    rows: h1 −97 dBm, h2 −121 dBm   claimed by h1   error h1: −100 − (−97) = −3
 *   P2  2 km north   row:  h1 −105 dBm               claimed by h1   error: −109.0309 + 105 = −4.0309
 *   P3  3 km west    nobody heard                    claimed by h1
 *   P4  20 km east   row:  h2 −120 dBm               not claimed
 *   P5  30 km north  nobody heard                    not claimed
 *   P6  1 km south   one upload: h1 and h2, best −99 claimed by h1   (no per-hotspot RSSI)
 * </pre>
 *
 * Overall: TP = P1, P2, P6; FP = P3; FN = P4; TN = P5 → precision 3/4, recall 3/4; RSSI pairs h1@P1
 * and h1@P2 → RMSE √((3² + 4.0309²) / 2) = 3.5530 dB, mean error −3.5155 dB.
 */
class ModelAccuracyTest {
  private static final double ERROR_P2 = -100 - 30 * Math.log10(2) + 105;

  private static HotspotCoverage h1() {
    return HotspotCoverage.predict(
        Fixtures.hotspot(1, VALLETTA),
        new PathLossModel(-100, 3, 8, PathLossModel.Fit.LEAST_SQUARES),
        4000,
        CoverageSettings.DEFAULT);
  }

  private static LatLng north(LatLng origin, double meters) {
    return new LatLng(
        origin.latDegrees() + Math.toDegrees(meters / GreatCircle.EARTH_RADIUS_METERS),
        origin.lngDegrees());
  }

  private static List<Measurement> drive() {
    List<Measurement> m = new ArrayList<>();
    LatLng p1 = east(VALLETTA, 1000);
    m.add(Measurement.heard(p1, NOW, -97, 5, Set.of(key(1))));
    m.add(Measurement.heard(p1, NOW, -121, -8, Set.of(key(2))));
    m.add(Measurement.heard(north(VALLETTA, 2000), NOW.plusSeconds(10), -105, 2, Set.of(key(1))));
    m.add(Measurement.notHeard(east(VALLETTA, -3000), NOW.plusSeconds(20)));
    m.add(Measurement.heard(east(VALLETTA, 20_000), NOW.plusSeconds(30), -120, -7, Set.of(key(2))));
    m.add(Measurement.notHeard(north(VALLETTA, 30_000), NOW.plusSeconds(40)));
    m.add(
        Measurement.heard(
            north(VALLETTA, -1000), NOW.plusSeconds(50), -99, 4, Set.of(key(1), key(2))));
    return m;
  }

  @Test
  void overall_counts_one_point_per_packet_and_judges_the_claimed_cells() {
    Accuracy all = ModelAccuracy.evaluate(List.of(h1()), drive(), Optional.empty()).overall();

    assertThat(all.hotspot()).isEmpty();
    assertThat(all.points()).isEqualTo(6);
    assertThat(all.heard()).isEqualTo(4);
    assertThat(all.predictedCovered()).isEqualTo(4);
    assertThat(List.of(all.truePositives(), all.falsePositives(), all.falseNegatives()))
        .containsExactly(3, 1, 1);
    assertThat(all.trueNegatives()).isEqualTo(1);
    assertThat(all.precision().getAsDouble()).isEqualTo(0.75);
    assertThat(all.recall().getAsDouble()).isEqualTo(0.75);
    assertThat(all.rssiPairs()).isEqualTo(2);
    assertThat(all.rmseDb().getAsDouble()).isCloseTo(3.5530, within(1e-3));
    assertThat(all.rmseDb().getAsDouble())
        .isCloseTo(Math.sqrt((9 + ERROR_P2 * ERROR_P2) / 2), within(1e-3));
    assertThat(all.meanErrorDb().getAsDouble()).isCloseTo(-3.5155, within(1e-3));
  }

  @Test
  void per_hotspot_a_modeled_hotspot_has_rssi_pairs_and_an_unmodeled_one_only_misses() {
    AccuracyReport report = ModelAccuracy.evaluate(List.of(h1()), drive(), Optional.empty());

    assertThat(report.hotspots())
        .extracting(a -> a.hotspot().orElseThrow())
        .containsExactlyInAnyOrder(key(1), key(2));
    Accuracy one = find(report, 1);
    assertThat(List.of(one.heard(), one.predictedCovered(), one.truePositives()))
        .containsExactly(3, 4, 3);
    assertThat(List.of(one.falsePositives(), one.falseNegatives(), one.trueNegatives()))
        .containsExactly(1, 0, 2);
    assertThat(one.precision().getAsDouble()).isEqualTo(0.75);
    assertThat(one.recall().getAsDouble()).isEqualTo(1.0);
    assertThat(one.rssiPairs()).isEqualTo(2);
    assertThat(one.rmseDb().getAsDouble()).isCloseTo(3.5530, within(1e-3));
    Accuracy two = find(report, 2);
    assertThat(List.of(two.heard(), two.predictedCovered(), two.falseNegatives()))
        .containsExactly(3, 0, 3);
    assertThat(two.precision()).isEmpty();
    assertThat(two.recall().getAsDouble()).isZero();
    assertThat(two.rssiPairs()).isZero();
    assertThat(two.rmseDb()).isEmpty();
    assertThat(report.hotspots().get(0).hotspot().orElseThrow().toBase58())
        .isLessThan(report.hotspots().get(1).hotspot().orElseThrow().toBase58());
  }

  @Test
  void a_hotspot_asked_for_by_key_is_listed_alone_even_without_evidence() {
    AccuracyReport report = ModelAccuracy.evaluate(List.of(h1()), drive(), Optional.of(key(3)));

    assertThat(report.overall().points()).isEqualTo(6);
    assertThat(report.hotspots()).hasSize(1);
    Accuracy three = report.hotspots().get(0);
    assertThat(three.hotspot()).contains(key(3));
    assertThat(three.trueNegatives()).isEqualTo(6);
    assertThat(three.precision()).isEmpty();
    assertThat(three.recall()).isEmpty();
  }

  @Test
  void no_measurements_give_no_ratios_and_no_rmse() {
    Accuracy all = ModelAccuracy.evaluate(List.of(h1()), List.of(), Optional.empty()).overall();

    assertThat(all.points()).isZero();
    assertThat(all.precision()).isEmpty();
    assertThat(all.recall()).isEmpty();
    assertThat(all.rmseDb()).isEmpty();
  }

  private static Accuracy find(AccuracyReport report, int n) {
    return report.hotspots().stream()
        .filter(a -> a.hotspot().orElseThrow().equals(key(n)))
        .findFirst()
        .orElseThrow();
  }
}
