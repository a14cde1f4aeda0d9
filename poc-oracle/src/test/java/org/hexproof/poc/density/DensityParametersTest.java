package org.hexproof.poc.density;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DensityParametersTest {

  @Test
  void hip_104_values_per_resolution() {
    DensityParameters p = DensityParameters.hip104();

    assertThat(p.at(4)).isEqualTo(new DensityParameters.Limits(2, 500, 1000));
    assertThat(p.at(7)).isEqualTo(new DensityParameters.Limits(4, 5, 10));
    assertThat(p.at(10)).isEqualTo(new DensityParameters.Limits(2, 1, 1));
  }

  @Test
  void hip_17_original_values_per_resolution() {
    DensityParameters p = DensityParameters.hip17Original();

    assertThat(p.at(4)).isEqualTo(new DensityParameters.Limits(1, 250, 800));
    assertThat(p.at(8)).isEqualTo(new DensityParameters.Limits(2, 1, 4));
  }

  @Test
  void limit_grows_by_target_per_occupied_cell_beyond_n_up_to_max() {
    var res5 = new DensityParameters.Limits(4, 100, 200);

    assertThat(res5.limit(0)).isEqualTo(100);
    assertThat(res5.limit(4)).isEqualTo(100);
    assertThat(res5.limit(5)).isEqualTo(200);
    assertThat(res5.limit(7)).isEqualTo(200);
    assertThat(new DensityParameters.Limits(0, 3, Long.MAX_VALUE).limit(7)).isEqualTo(24);
  }

  @Test
  void rejects_max_below_target_and_target_below_one() {
    assertThatThrownBy(() -> new DensityParameters.Limits(2, 5, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max");
    assertThatThrownBy(() -> new DensityParameters.Limits(2, 0, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("target");
    assertThatThrownBy(() -> new DensityParameters.Limits(-1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejects_a_wrong_number_of_resolutions_and_asks_outside_4_to_10() {
    assertThatThrownBy(() -> new DensityParameters(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("7 entries");
    assertThatThrownBy(() -> DensityParameters.hip104().at(11))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
