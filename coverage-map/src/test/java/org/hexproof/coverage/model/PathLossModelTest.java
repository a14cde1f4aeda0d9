package org.hexproof.coverage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hexproof.coverage.model.Fixtures.key;
import static org.hexproof.coverage.model.Fixtures.witness;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.hexproof.core.keys.PublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PathLossModelTest {
  private static final PublicKey BEACONER = key(1);

  /** Samples of RSSI = a − 10·n·log10(d/1 km) + N(0, sigma²), distances log-uniform 0.4–20 km. */
  static List<WitnessSample> synthetic(double a, double n, double sigma, int count, long seed) {
    Random random = new Random(seed);
    List<WitnessSample> samples = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double d = 400 * Math.pow(50, random.nextDouble());
      double rssi = a - 10 * n * Math.log10(d / 1000) + sigma * random.nextGaussian();
      samples.add(witness(BEACONER, d, rssi));
    }
    return samples;
  }

  @Test
  void recovers_exponent_2_7_from_seeded_noisy_samples() {
    PathLossModel model =
        PathLossModel.fit(synthetic(-95, 2.7, 3.0, 400, 42), PathLossSettings.DEFAULT)
            .orElseThrow();

    assertThat(model.exponent()).isCloseTo(2.7, within(0.1));
    assertThat(model.referenceRssiDbm()).isCloseTo(-95, within(1.0));
    assertThat(model.fit()).isEqualTo(PathLossModel.Fit.LEAST_SQUARES);
    assertThat(model.sampleCount()).isEqualTo(400);
  }

  static Stream<Arguments> clamping() {
    return Stream.of(
        Arguments.of("better than free space clamps to 2.0", 1.5, 2.0),
        Arguments.of("worse than dense clutter clamps to 5.0", 6.5, 5.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clamping")
  void clamps_exponent_outside_bounds(String description, double trueExponent, double clamped) {
    List<WitnessSample> samples = synthetic(-90, trueExponent, 0.0, 20, 7);

    PathLossModel model = PathLossModel.fit(samples, PathLossSettings.DEFAULT).orElseThrow();

    assertThat(model.exponent()).isEqualTo(clamped);
    assertThat(model.fit()).isEqualTo(PathLossModel.Fit.CLAMPED);
    // The intercept is refitted for the clamped slope: mean residual is zero.
    double meanResidual =
        samples.stream()
            .mapToDouble(s -> s.rssiDbm() - model.predictRssiDbm(s.distanceMeters()))
            .average()
            .orElseThrow();
    assertThat(meanResidual).isCloseTo(0.0, within(1e-9));
  }

  @Test
  void uses_default_exponent_with_fewer_than_three_samples() {
    List<WitnessSample> two =
        List.of(witness(BEACONER, 1000, -100), witness(BEACONER, 10_000, -140));

    PathLossModel model = PathLossModel.fit(two, PathLossSettings.DEFAULT).orElseThrow();

    assertThat(model.exponent()).isEqualTo(3.0);
    assertThat(model.fit()).isEqualTo(PathLossModel.Fit.DEFAULT_EXPONENT);
    // A = mean(RSSI + 3·10·log10(d/1 km)) = mean(-100, -140 + 30) = -105
    assertThat(model.referenceRssiDbm()).isCloseTo(-105, within(1e-9));
  }

  @Test
  void uses_default_exponent_when_all_witnesses_are_equally_far() {
    List<WitnessSample> same =
        List.of(
            witness(BEACONER, 2000, -100),
            witness(BEACONER, 2000, -104),
            witness(BEACONER, 2000, -108));

    assertThat(PathLossModel.fit(same, PathLossSettings.DEFAULT).orElseThrow().fit())
        .isEqualTo(PathLossModel.Fit.DEFAULT_EXPONENT);
  }

  @Test
  void has_no_model_without_samples() {
    assertThat(PathLossModel.fit(List.of(), PathLossSettings.DEFAULT)).isEmpty();
  }

  @Test
  void range_is_where_prediction_meets_the_floor() {
    PathLossModel model = Fixtures.model(-100, 3.0);

    assertThat(model.predictRssiDbm(1000)).isEqualTo(-100);
    assertThat(model.predictRssiDbm(10_000)).isCloseTo(-130, within(1e-9));
    assertThat(model.rangeMeters(-130)).isCloseTo(10_000, within(1e-6));
  }
}
