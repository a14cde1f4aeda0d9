package org.hexproof.poc.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RewardUnitsTest {
  private static final RuleProfile HELIUM = RuleProfile.heliumIot2025();

  record Vector(String description, int witnesses, BigDecimal beaconer, BigDecimal witness) {
    @Override
    public String toString() {
      return description;
    }
  }

  static List<Vector> vectors() throws IOException {
    try (InputStream in = RewardUnitsTest.class.getResourceAsStream("/vectors/reward-units.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      List<Vector> out = new ArrayList<>();
      for (JsonNode v : root.get("vectors")) {
        out.add(
            new Vector(
                v.get("description").asText(),
                v.get("witnesses").asInt(),
                new BigDecimal(v.get("beaconer").asText()),
                new BigDecimal(v.get("witness").asText())));
      }
      return out;
    }
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void units_match_the_hip15_table(Vector v) {
    RewardUnits units = RewardUnits.forValidWitnesses(v.witnesses(), HELIUM);

    assertThat(units.beaconer()).isEqualByComparingTo(v.beaconer());
    assertThat(units.perWitness()).isEqualByComparingTo(v.witness());
    assertThat(units.beaconer().scale()).isEqualTo(4);
  }

  @Test
  void no_witnesses_earn_nothing() {
    RewardUnits units = RewardUnits.forValidWitnesses(0, HELIUM);

    assertThat(units.beaconer()).isZero();
    assertThat(units.perWitness()).isZero();
  }

  @Test
  void total_units_are_five_from_the_redundancy_on() {
    for (int w = 4; w <= 14; w++) {
      RewardUnits units = RewardUnits.forValidWitnesses(w, HELIUM);
      BigDecimal total = units.beaconer().add(units.perWitness().multiply(BigDecimal.valueOf(w)));
      assertThat(total.doubleValue())
          .as("w=%d", w)
          .isCloseTo(5.0, org.assertj.core.data.Offset.offset(0.001));
    }
  }
}
