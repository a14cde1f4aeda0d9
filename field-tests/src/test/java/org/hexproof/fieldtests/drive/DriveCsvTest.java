package org.hexproof.fieldtests.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.Network;
import org.hexproof.core.keys.PublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DriveCsvTest {
  static final String A = key(1).toBase58();
  static final String B = key(2).toBase58();
  static final String T = "2026-11-25T06:30:00Z";

  static PublicKey key(int n) {
    byte[] seed = new byte[Ed25519KeyPair.SEED_LENGTH];
    Arrays.fill(seed, (byte) n);
    return Ed25519KeyPair.fromSeed(Network.MAINNET, seed).publicKey();
  }

  private static List<DriveRow> parse(String text) {
    return DriveCsv.parse("drive.csv", text.getBytes(StandardCharsets.UTF_8));
  }

  private static String file(String... rows) {
    return DriveCsv.HEADER + "\n" + String.join("\n", rows) + "\n";
  }

  @Test
  void reads_hearings_and_a_point_nobody_heard() {
    List<DriveRow> rows =
        parse(
            file(
                "35.8972,14.4611," + T + ",-97,6.5," + A,
                "35.8972,14.4611," + T + ",-121.5,-8," + B,
                "35.9,14.47,2026-11-25T06:30:10.250Z,,,"));

    assertThat(rows)
        .containsExactly(
            DriveRow.heard(new LatLng(35.8972, 14.4611), Instant.parse(T), key(1), -97.0, 6.5),
            DriveRow.heard(new LatLng(35.8972, 14.4611), Instant.parse(T), key(2), -121.5, -8.0),
            DriveRow.notHeard(new LatLng(35.9, 14.47), Instant.parse("2026-11-25T06:30:10.250Z")));
    assertThat(rows.get(2).toMeasurement().heard()).isFalse();
    assertThat(rows.get(0).toMeasurement().heardBy()).containsExactly(key(1));
    assertThat(rows.get(0).toMeasurement().rssiDbm().getAsDouble()).isEqualTo(-97.0);
  }

  @Test
  void accepts_crlf_a_byte_order_mark_and_no_final_newline() {
    String text = "\uFEFF" + DriveCsv.HEADER + "\r\n0,0," + T + ",,,\r\n1.5,-2.25," + T + ",,,";

    assertThat(parse(text))
        .extracting(DriveRow::location)
        .containsExactly(new LatLng(0, 0), new LatLng(1.5, -2.25));
  }

  @Test
  void a_negative_zero_reads_as_zero_so_the_row_survives_a_write_and_a_read() {
    List<DriveRow> rows = parse(file("-0,-0.0," + T + ",-97,-0," + A));

    assertThat(rows.get(0).location()).isEqualTo(new LatLng(0, 0));
    assertThat(rows.get(0).hearing().orElseThrow().snrDb()).isEqualTo(0.0);
    assertThat(parse(DriveCsv.write(rows))).isEqualTo(rows);
  }

  @Test
  void writing_then_reading_gives_the_rows_back() {
    List<DriveRow> rows =
        List.of(
            DriveRow.heard(new LatLng(35.897123, 14.461987), Instant.parse(T), key(1), -97, 6.5),
            DriveRow.heard(new LatLng(35.897123, 14.461987), Instant.parse(T), key(2), -130, -17.3),
            DriveRow.notHeard(new LatLng(-37.79, 144.98), Instant.parse(T).plusMillis(10_500)));

    String text = DriveCsv.write(rows);

    assertThat(text).startsWith(DriveCsv.HEADER + "\n35.897123,14.461987," + T + ",-97,6.5," + A);
    assertThat(text).endsWith("\n-37.79,144.98,2026-11-25T06:30:10.500Z,,,\n");
    assertThat(parse(text)).isEqualTo(rows);
  }

  static Stream<Arguments> rejections() {
    String ok = "35.9,14.5," + T + ",-97,6," + A;
    return Stream.of(
        Arguments.of("", "drive.csv:1: expected the header \"lat,lng,time,rssi,snr,heard_by\""),
        Arguments.of("lat,lon,time,rssi,snr,heard_by\n" + ok, "drive.csv:1: expected the header"),
        Arguments.of(DriveCsv.HEADER + "\n", "drive.csv:1: expected at least one row"),
        Arguments.of(file(ok, "", ok), "drive.csv:3: expected a row of 6 comma-separated fields"),
        Arguments.of(file("35.9,14.5," + T + ",-97,6"), "drive.csv:2: expected 6 comma-separated"),
        Arguments.of(file("35.9,14.5," + T + ",-97,6," + A + ",x"), "got 7"),
        Arguments.of(file("north,14.5," + T + ",,,"), "drive.csv:2: column 1 (lat): expected a"),
        Arguments.of(file("95,14.5," + T + ",,,"), "column 1 (lat): expected a latitude"),
        Arguments.of(file("1e1,14.5," + T + ",,,"), "column 1 (lat): expected a latitude"),
        Arguments.of(file("NaN,14.5," + T + ",,,"), "column 1 (lat)"),
        Arguments.of(file(" 35.9,14.5," + T + ",,,"), "column 1 (lat)"),
        Arguments.of(file("35.9,180.5," + T + ",,,"), "column 2 (lng): expected a longitude"),
        Arguments.of(file("35.9,,," + T + ",,,"), "drive.csv:2: expected 6"),
        Arguments.of(file("35.9,14.5,,,,"), "column 3 (time): expected an ISO-8601 UTC time"),
        Arguments.of(file("35.9,14.5,2026-11-25T07:30:00+01:00,,,"), "column 3 (time)"),
        Arguments.of(file("35.9,14.5,2026-11-25 06:30:00Z,,,"), "column 3 (time)"),
        Arguments.of(file("35.9,14.5,2026-13-25T06:30:00Z,,,"), "column 3 (time)"),
        Arguments.of(file("35.9,14.5," + T + ",,6," + A), "column 4 (rssi): expected an RSSI"),
        Arguments.of(file("35.9,14.5," + T + ",-97dBm,6," + A), "column 4 (rssi): expected an"),
        Arguments.of(file("35.9,14.5," + T + ",-201,6," + A), "column 4 (rssi): expected an RSSI"),
        Arguments.of(file("35.9,14.5," + T + ",-97,," + A), "column 5 (snr): expected an SNR"),
        Arguments.of(file("35.9,14.5," + T + ",-97,51," + A), "column 5 (snr): expected an SNR"),
        Arguments.of(file("35.9,14.5," + T + ",-97,6,"), "column 4 (rssi): expected nothing when"),
        Arguments.of(file("35.9,14.5," + T + ",,6,"), "column 5 (snr): expected nothing when"),
        Arguments.of(file("35.9,14.5," + T + ",-97,6,notakey"), "column 6 (heard_by): expected a"),
        Arguments.of(file(ok, ok), "drive.csv:3: column 6 (heard_by): expected one row per point"),
        Arguments.of(
            file("35.9,14.5," + T + ",,,", ok),
            "drive.csv:3: column 6 (heard_by): expected nothing: line 2 says nobody heard"),
        Arguments.of(
            file(ok, "35.9,14.5," + T + ",,,"),
            "drive.csv:3: column 6 (heard_by): expected a hotspot key: line 2 has a hearing"),
        Arguments.of(
            file("35.9,14.5," + T + ",,,", "35.9,14.5," + T + ",,,"),
            "line 2 already says nobody heard"));
  }

  @ParameterizedTest
  @MethodSource("rejections")
  void a_bad_file_is_refused_with_file_line_column_and_what_was_expected(
      String text, String message) {
    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(DriveCsvException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void bytes_that_are_not_utf8_are_refused() {
    byte[] bad = {'l', 'a', 't', (byte) 0xC3, (byte) 0x28};

    assertThatThrownBy(() -> DriveCsv.parse("d.csv", bad))
        .hasMessage("d.csv:1: expected UTF-8 text, got bytes that are not");
  }

  @Test
  void the_exception_names_the_line_and_column() {
    DriveCsvException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            DriveCsvException.class,
            () -> parse(file("35.9,14.5," + T + ",,,", "35.9,14.5," + T + ",-97,x," + A)));

    assertThat(e.file()).isEqualTo("drive.csv");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(5);
  }
}
