package org.hexproof.coverage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hexproof.coverage.model.Fixtures.VALLETTA;
import static org.hexproof.coverage.model.Fixtures.hotspot;

import java.util.Set;
import java.util.stream.Collectors;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.keys.PublicKey;
import org.junit.jupiter.api.Test;

class HotspotCoverageTest {
  private static final HotspotProfile HOTSPOT = hotspot(1, VALLETTA);

  @Test
  void never_claims_cells_beyond_evidence_even_when_model_is_strong() {
    // -60 dBm at 1 km with n = 2 would reach the SF9 floor (-130) at about 3,000 km.
    PathLossModel strong = Fixtures.model(-60, 2.0);

    HotspotCoverage c = HotspotCoverage.predict(HOTSPOT, strong, 1000, CoverageSettings.DEFAULT);

    assertThat(c.limit()).isEqualTo(HotspotCoverage.RangeLimit.EVIDENCE);
    assertThat(c.rangeMeters()).isEqualTo(1200);
    assertThat(c.cells()).allSatisfy(p -> assertThat(p.distanceMeters()).isLessThanOrEqualTo(1200));
    assertThat(c.cells().get(c.cells().size() - 1).distanceMeters()).isGreaterThan(1000);
    assertThat(c.cells()).allSatisfy(p -> assertThat(p.cell().resolution()).isEqualTo(9));
  }

  @Test
  void stops_at_receiver_sensitivity_when_that_is_nearer() {
    // -125 dBm at 1 km, n = 3: reaches -130 at 1000·10^(5/30) ≈ 1,468 m.
    PathLossModel weak = Fixtures.model(-125, 3.0);

    HotspotCoverage c = HotspotCoverage.predict(HOTSPOT, weak, 5000, CoverageSettings.DEFAULT);

    assertThat(c.limit()).isEqualTo(HotspotCoverage.RangeLimit.SENSITIVITY);
    assertThat(c.rangeMeters()).isCloseTo(1467.8, org.assertj.core.api.Assertions.within(0.1));
    assertThat(c.cells())
        .allSatisfy(p -> assertThat(p.predictedRssiDbm()).isGreaterThanOrEqualTo(-130));
  }

  @Test
  void includes_every_cell_whose_centre_is_in_range() {
    HotspotCoverage c =
        HotspotCoverage.predict(HOTSPOT, Fixtures.model(-80, 3.0), 2000, CoverageSettings.DEFAULT);

    Set<H3Cell> bruteForce =
        H3Cell.fromLatLng(VALLETTA, 9).disk(15).stream()
            .filter(cell -> GreatCircle.distanceMeters(VALLETTA, cell.center()) <= 2400)
            .collect(Collectors.toSet());
    assertThat(c.cells().stream().map(CellPrediction::cell).collect(Collectors.toSet()))
        .isEqualTo(bruteForce);
  }

  @Test
  void wifi_coverage_is_mapped_at_res_12() {
    PublicKey key = Fixtures.key(2);
    HotspotProfile ap = new HotspotProfile(key, VALLETTA, new BeaconRadio.Wifi());

    HotspotCoverage c =
        HotspotCoverage.predict(ap, Fixtures.model(-80, 3.0), 100, CoverageSettings.DEFAULT);

    assertThat(c.cells()).isNotEmpty();
    assertThat(c.cells()).allSatisfy(p -> assertThat(p.cell().resolution()).isEqualTo(12));
    assertThat(c.cells())
        .allSatisfy(p -> assertThat(p.predictedRssiDbm()).isGreaterThanOrEqualTo(-85));
  }
}
