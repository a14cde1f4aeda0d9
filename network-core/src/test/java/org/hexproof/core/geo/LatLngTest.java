package org.hexproof.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatLngTest {

  @ParameterizedTest
  @CsvSource({"-90, -180", "90, 180", "0, 0", "35.90765, 14.431416"})
  void accepts_values_in_range(double lat, double lng) {
    LatLng point = new LatLng(lat, lng);

    assertThat(point.latDegrees()).isEqualTo(lat);
    assertThat(point.lngDegrees()).isEqualTo(lng);
  }

  @ParameterizedTest
  @CsvSource({"90.000001, 90.000001", "-90.5, -90.5", "NaN, NaN", "Infinity, Infinity"})
  void rejects_latitude_out_of_range_naming_it(double lat, String shown) {
    assertThatThrownBy(() -> new LatLng(lat, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("latDegrees")
        .hasMessageContaining(shown);
  }

  @ParameterizedTest
  @CsvSource({"180.1, 180.1", "-181, -181.0", "NaN, NaN", "-Infinity, -Infinity"})
  void rejects_longitude_out_of_range_naming_it(double lng, String shown) {
    assertThatThrownBy(() -> new LatLng(0, lng))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lngDegrees")
        .hasMessageContaining(shown);
  }

  // EqualsVerifier 3.19.4 always builds records with NaN in double fields
  // (FloatAndDoubleFieldCheck,
  // no Warning disables it) and the constructor rightly rejects NaN, so the contract is checked
  // here.
  @Test
  void equal_coordinates_are_equal_with_equal_hash_codes() {
    LatLng a = new LatLng(35.90765, 14.431416);
    LatLng b = new LatLng(35.90765, 14.431416);

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(b).isEqualTo(a);
    assertThat(a).isEqualTo(a).isNotEqualTo(null).isNotEqualTo("35.90765,14.431416");
  }

  @Test
  void differs_when_either_coordinate_differs() {
    LatLng a = new LatLng(35.90765, 14.431416);

    assertThat(a).isNotEqualTo(new LatLng(35.90766, 14.431416));
    assertThat(a).isNotEqualTo(new LatLng(35.90765, 14.431417));
    assertThat(a).isNotEqualTo(new LatLng(14.431416, 35.90765));
  }

  @Test
  void negative_zero_is_the_same_point_as_zero() {
    LatLng negative = new LatLng(-0.0, -0.0);

    assertThat(negative).isEqualTo(new LatLng(0.0, 0.0)).hasSameHashCodeAs(new LatLng(0.0, 0.0));
    assertThat(Double.doubleToRawLongBits(negative.latDegrees())).isZero();
  }
}
