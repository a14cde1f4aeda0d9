package org.hexproof.coverage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hexproof.coverage.model.Fixtures.NOW;
import static org.hexproof.coverage.model.Fixtures.VALLETTA;
import static org.hexproof.coverage.model.Fixtures.east;
import static org.hexproof.coverage.model.Fixtures.hotspot;
import static org.hexproof.coverage.model.Fixtures.key;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.radio.RadioTechnology;
import org.junit.jupiter.api.Test;

class CoverageMapTest {
  private static final LatLng WEST = east(VALLETTA, -800);
  private static final LatLng EAST = east(VALLETTA, 800);
  private static final HotspotCoverage NEAR_WEST =
      HotspotCoverage.predict(
          hotspot(1, WEST), Fixtures.model(-100, 3.0), 2000, CoverageSettings.DEFAULT);
  private static final HotspotCoverage NEAR_EAST =
      HotspotCoverage.predict(
          hotspot(2, EAST), Fixtures.model(-95, 3.0), 2000, CoverageSettings.DEFAULT);

  private static CoverageMap map(Map<PublicKey, Instant> pocs, List<Measurement> measurements) {
    return CoverageMap.build(
        RadioTechnology.LORA,
        List.of(NEAR_WEST, NEAR_EAST),
        pocs,
        measurements,
        NOW,
        CoverageSettings.DEFAULT);
  }

  private static Map<PublicKey, Instant> bothFresh() {
    return Map.of(key(1), NOW.minusSeconds(3600), key(2), NOW.minusSeconds(60));
  }

  @Test
  void freshness_window_excludes_stale_hotspots() {
    CoverageMap m = map(Map.of(key(1), NOW.minus(Duration.ofHours(25)), key(2), NOW), List.of());

    assertThat(m.hotspot(key(1))).isEmpty();
    assertThat(m.hotspot(key(2))).isPresent();
    assertThat(m.cells())
        .allSatisfy(
            c ->
                assertThat(c.bestHotspots())
                    .extracting(HotspotSignal::hotspot)
                    .containsOnly(key(2)));
    assertThat(m.summary().hotspotsCounted()).isEqualTo(1);
    assertThat(m.summary().hotspotsStale()).isEqualTo(1);
    // A wider window counts it again.
    CoverageMap wide =
        CoverageMap.build(
            RadioTechnology.LORA,
            List.of(NEAR_WEST, NEAR_EAST),
            Map.of(key(1), NOW.minus(Duration.ofHours(25)), key(2), NOW),
            List.of(),
            NOW,
            CoverageSettings.DEFAULT.withFreshnessWindow(Duration.ofHours(48)));
    assertThat(wide.summary().hotspotsCounted()).isEqualTo(2);
  }

  @Test
  void hotspot_without_any_valid_poc_does_not_count() {
    assertThat(map(Map.of(key(2), NOW), List.of()).hotspot(key(1))).isEmpty();
  }

  @Test
  void cell_takes_best_level_and_rssi_over_hotspots() {
    CoverageMap m = map(bothFresh(), List.of());

    PointCoverage p = m.lookup(VALLETTA);

    double west =
        NEAR_WEST.model().predictRssiDbm(GreatCircle.distanceMeters(WEST, p.cell().center()));
    double east =
        NEAR_EAST.model().predictRssiDbm(GreatCircle.distanceMeters(EAST, p.cell().center()));
    assertThat(p.status()).isEqualTo(CoverageStatus.MODELED);
    assertThat(p.covered()).isTrue();
    assertThat(p.rssiDbm().getAsDouble()).isEqualTo(Math.max(west, east));
    assertThat(p.level())
        .isEqualTo(SignalLevels.DEFAULT.lora().classify(Math.max(west, east), -130));
    assertThat(p.bestHotspots()).extracting(HotspotSignal::hotspot).containsExactly(key(2), key(1));
    assertThat(p.bestHotspots().get(0).rssiDbm()).isEqualTo(east);
    assertThat(p.sampleCount()).isEqualTo(20);
    assertThat(p.lastObservedAt()).contains(NOW.minusSeconds(60));
  }

  @Test
  void measurement_overrides_model_in_its_cell() {
    Measurement heard = Measurement.heard(VALLETTA, NOW.minusSeconds(30), -118, -3, Set.of(key(1)));

    PointCoverage p = map(bothFresh(), List.of(heard)).lookup(VALLETTA);

    assertThat(p.status()).isEqualTo(CoverageStatus.MEASURED);
    assertThat(p.source()).contains(CoverageSource.MEASURED);
    assertThat(p.level()).isEqualTo(SignalLevel.LOW);
    assertThat(p.rssiDbm().getAsDouble()).isEqualTo(-118);
    assertThat(p.sampleCount()).isEqualTo(1);
    assertThat(p.lastObservedAt()).contains(NOW.minusSeconds(30));
    assertThat(p.bestHotspots()).extracting(HotspotSignal::hotspot).containsExactly(key(1));
  }

  @Test
  void measured_no_coverage_is_distinct_from_not_mapped() {
    LatLng far = east(VALLETTA, 50_000);
    Measurement silent = Measurement.notHeard(VALLETTA, NOW.minusSeconds(30));

    CoverageMap m = map(bothFresh(), List.of(silent));

    PointCoverage measuredNone = m.lookup(VALLETTA);
    PointCoverage notMapped = m.lookup(far);
    assertThat(measuredNone.status()).isEqualTo(CoverageStatus.MEASURED_NONE);
    assertThat(measuredNone.covered()).isFalse();
    assertThat(measuredNone.source()).contains(CoverageSource.MEASURED);
    assertThat(measuredNone.sampleCount()).isEqualTo(1);
    assertThat(notMapped.status()).isEqualTo(CoverageStatus.NOT_MAPPED);
    assertThat(notMapped.covered()).isFalse();
    assertThat(notMapped.source()).isEmpty();
    assertThat(notMapped.sampleCount()).isZero();
    assertThat(notMapped.lastObservedAt()).isEmpty();
  }

  @Test
  void measurements_older_than_max_age_are_ignored() {
    Measurement old = Measurement.notHeard(VALLETTA, NOW.minus(Duration.ofDays(91)));

    assertThat(map(bothFresh(), List.of(old)).lookup(VALLETTA).status())
        .isEqualTo(CoverageStatus.MODELED);
  }

  @Test
  void coarser_resolution_takes_best_level_of_children() {
    Measurement silent = Measurement.notHeard(VALLETTA, NOW.minusSeconds(30));
    CoverageMap m = map(bothFresh(), List.of(silent));

    List<CellCoverage> res7 = m.cellsAt(7);

    CellCoverage parent =
        res7.stream()
            .filter(c -> c.cell().equals(m.lookup(VALLETTA).cell().parent(7)))
            .findFirst()
            .orElseThrow();
    SignalLevel bestChild =
        m.cells().stream()
            .filter(c -> c.cell().parent(7).equals(parent.cell()))
            .map(CellCoverage::level)
            .reduce(SignalLevel.NONE, SignalLevel::max);
    assertThat(parent.level()).isEqualTo(bestChild).isNotEqualTo(SignalLevel.NONE);
    assertThatThrownBy(() -> m.cellsAt(10)).hasMessageContaining("expected a value in [0, 9]");
  }

  @Test
  void summary_counts_cells_by_level_and_source() {
    Measurement silent = Measurement.notHeard(VALLETTA, NOW.minusSeconds(30));
    CoverageMap m = map(bothFresh(), List.of(silent));

    CoverageSummary s = m.summary();

    assertThat(s.totalCells()).isEqualTo(m.cells().size());
    assertThat(s.cellsBySource().get(CoverageSource.MEASURED)).isEqualTo(1);
    assertThat(s.cellsByLevel().get(SignalLevel.NONE)).isEqualTo(1);
    assertThat(s.cellsByLevel().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(s.totalCells());
    assertThat(s.newestObservation()).contains(NOW.minusSeconds(30));
    assertThat(s.resolution()).isEqualTo(9);
  }

  @Test
  void rejects_hotspots_of_the_other_technology() {
    assertThatThrownBy(
            () ->
                CoverageMap.build(
                    RadioTechnology.WIFI,
                    List.of(NEAR_WEST),
                    Map.of(),
                    List.of(),
                    NOW,
                    CoverageSettings.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected WIFI hotspots");
  }
}
