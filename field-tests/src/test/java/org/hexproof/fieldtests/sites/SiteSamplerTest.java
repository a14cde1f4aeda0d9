package org.hexproof.fieldtests.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.radio.Region;
import org.hexproof.fieldtests.rf.Geodesy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("fleet")
class SiteSamplerTest {
  static Stream<City> cities() {
    return City.all().stream();
  }

  @ParameterizedTest
  @MethodSource("cities")
  void every_sampled_site_lies_inside_the_city(City city) {
    List<LatLng> sites = new SiteSampler(city, 11).sample(500);

    assertThat(sites).hasSize(500).allMatch(city::contains);
    double meanDistance =
        sites.stream()
            .mapToDouble(s -> Geodesy.distanceMeters(city.center(), s))
            .average()
            .orElseThrow();
    assertThat(meanDistance / city.radiusMeters()).isBetween(0.6, 0.73); // uniform disc: 2R/3
  }

  @Test
  void the_same_seed_gives_the_same_sites_and_another_seed_others() {
    SiteSampler one = new SiteSampler(City.AMSTERDAM, 7);

    assertThat(new SiteSampler(City.AMSTERDAM, 7).sample(20, 400)).isEqualTo(one.sample(20, 400));
    assertThat(new SiteSampler(City.AMSTERDAM, 8).sample(20, 400))
        .isNotEqualTo(one.sample(20, 400));
  }

  @Test
  void sites_respect_the_minimum_separation() {
    List<LatLng> sites =
        new SiteSampler(City.VALLETTA, 3).sample(40, SiteSampler.POC_MIN_SEPARATION_METERS);

    for (int i = 0; i < sites.size(); i++) {
      for (int j = i + 1; j < sites.size(); j++) {
        assertThat(Geodesy.distanceMeters(sites.get(i), sites.get(j))).isGreaterThanOrEqualTo(400);
      }
    }
  }

  @Test
  void asking_for_more_separated_sites_than_fit_fails_with_the_reason() {
    // a 3 km disc holds roughly (3000 / 1000)² ≈ 9..12 sites 2 km apart, never 50
    assertThatThrownBy(() -> new SiteSampler(City.VALLETTA, 3).sample(50, 2_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot place 50 sites");
  }

  @Test
  void each_city_has_its_lora_region() {
    assertThat(City.all())
        .extracting(City::name, City::region)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Valletta / Malta", Region.EU868),
            org.assertj.core.groups.Tuple.tuple("Amsterdam", Region.EU868),
            org.assertj.core.groups.Tuple.tuple("Lisbon", Region.EU868),
            org.assertj.core.groups.Tuple.tuple("Austin", Region.US915),
            org.assertj.core.groups.Tuple.tuple("Melbourne", Region.AU915));
  }
}
