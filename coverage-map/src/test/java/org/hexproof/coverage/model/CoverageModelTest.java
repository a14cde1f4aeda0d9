package org.hexproof.coverage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hexproof.coverage.model.Fixtures.NOW;
import static org.hexproof.coverage.model.Fixtures.VALLETTA;
import static org.hexproof.coverage.model.Fixtures.east;
import static org.hexproof.coverage.model.Fixtures.hotspot;
import static org.hexproof.coverage.model.Fixtures.key;

import java.time.Duration;
import org.hexproof.core.radio.RadioTechnology;
import org.junit.jupiter.api.Test;

class CoverageModelTest {

  @Test
  void consumes_witnesses_one_at_a_time_and_fits_the_same_model_as_a_batch() {
    CoverageModel model = new CoverageModel(RadioTechnology.LORA, CoverageSettings.DEFAULT);
    model.registerHotspot(hotspot(1, VALLETTA));
    var samples = PathLossModelTest.synthetic(-95, 2.7, 3.0, 50, 3);

    samples.forEach(model::recordWitness);

    PathLossModel batch = PathLossModel.fit(samples, PathLossSettings.DEFAULT).orElseThrow();
    assertThat(model.model(key(1)).orElseThrow().exponent())
        .isCloseTo(batch.exponent(), within(1e-9));
    CoverageMap map = model.snapshot(NOW);
    assertThat(map.hotspot(key(1))).isPresent();
    assertThat(map.lookup(VALLETTA).covered()).isTrue();
  }

  @Test
  void witness_counts_as_valid_poc_and_goes_stale_after_the_window() {
    CoverageModel model = new CoverageModel(RadioTechnology.LORA, CoverageSettings.DEFAULT);
    model.registerHotspot(hotspot(1, VALLETTA));
    model.recordWitness(Fixtures.witness(key(1), 1500, -110));

    assertThat(model.snapshot(NOW).summary().hotspotsCounted()).isEqualTo(1);
    assertThat(model.snapshot(NOW.plus(Duration.ofHours(25))).summary().hotspotsStale())
        .isEqualTo(1);
  }

  @Test
  void relocating_a_hotspot_discards_its_old_samples() {
    CoverageModel model = new CoverageModel(RadioTechnology.LORA, CoverageSettings.DEFAULT);
    model.registerHotspot(hotspot(1, VALLETTA));
    model.recordWitness(Fixtures.witness(key(1), 1500, -110));

    model.registerHotspot(hotspot(1, east(VALLETTA, 5000)));

    assertThat(model.model(key(1))).isEmpty();
    assertThat(model.snapshot(NOW).cells()).isEmpty();
  }

  @Test
  void a_removed_hotspot_leaves_the_map_with_its_samples() {
    CoverageModel model = new CoverageModel(RadioTechnology.LORA, CoverageSettings.DEFAULT);
    model.registerHotspot(hotspot(1, VALLETTA));
    model.recordWitness(Fixtures.witness(key(1), 1500, -110));
    assertThat(model.snapshot(NOW).lookup(VALLETTA).covered()).isTrue();

    // as when hotspot 1 now beacons over Wi-Fi: the LoRa model forgets it
    model.removeHotspot(key(1));

    assertThat(model.model(key(1))).isEmpty();
    assertThat(model.snapshot(NOW).cells()).isEmpty();
    assertThat(model.snapshot(NOW).hotspot(key(1))).isEmpty();
  }

  @Test
  void hotspot_without_witnesses_claims_nothing() {
    CoverageModel model = new CoverageModel(RadioTechnology.LORA, CoverageSettings.DEFAULT);
    model.registerHotspot(hotspot(1, VALLETTA));
    model.recordValidPoc(key(1), NOW);

    assertThat(model.snapshot(NOW).lookup(VALLETTA).status()).isEqualTo(CoverageStatus.NOT_MAPPED);
  }
}
