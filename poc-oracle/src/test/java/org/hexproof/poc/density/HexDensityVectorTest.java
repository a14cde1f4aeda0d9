package org.hexproof.poc.density;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hexproof.core.geo.H3Cell;
import org.junit.jupiter.api.Test;

/** The oracle's own expectation for a real neighbourhood (vectors/hex-density-*.json). */
class HexDensityVectorTest {

  @Test
  void reproduces_the_oracle_simple_scale_check() throws IOException {
    JsonNode vector;
    try (InputStream in =
        getClass().getResourceAsStream("/vectors/hex-density-helium-simple-scale-check.json")) {
      vector = new ObjectMapper().readTree(in);
    }
    List<H3Cell> locations = new ArrayList<>();
    vector.get("locations").forEach(node -> locations.add(H3Cell.parse(node.asText())));
    Map<H3Cell, BigDecimal> expected = new HashMap<>();
    vector
        .get("expected")
        .properties()
        .forEach(
            e -> expected.put(H3Cell.parse(e.getKey()), new BigDecimal(e.getValue().asText())));

    var map = HexDensity.compute(locations, DensityParameters.hip104());

    assertThat(map.scales()).isEqualTo(expected);
  }
}
