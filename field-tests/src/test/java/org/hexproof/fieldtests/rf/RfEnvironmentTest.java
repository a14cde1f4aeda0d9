package org.hexproof.fieldtests.rf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fleet")
class RfEnvironmentTest {
  @Test
  void presets_carry_their_exponents_and_a_1_m_reference() {
    assertThat(Terrain.URBAN.environment(1).pathLossExponent()).isEqualTo(3.5);
    assertThat(Terrain.SUBURBAN.environment(1).pathLossExponent()).isEqualTo(3.0);
    assertThat(Terrain.RURAL.environment(1).pathLossExponent()).isEqualTo(2.6);
    assertThat(Terrain.RURAL.environment(1).referenceDistanceMeters()).isEqualTo(1.0);
    assertThat(Terrain.URBAN.environment(1).withSeed(2).seed()).isEqualTo(2);
  }

  @Test
  void rejects_an_exponent_below_free_space_and_a_negative_sigma() {
    assertThatThrownBy(() -> new RfEnvironment("x", 1.8, 1, 8, 6, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("path-loss exponent");
    assertThatThrownBy(() -> RfEnvironment.urban(0).withShadowingSigmaDb(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shadowing");
  }
}
