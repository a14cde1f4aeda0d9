package org.hexproof.bridge.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hexproof.bridge.radio.AccessPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CwlapParserTest {

  static Stream<Arguments> lines() {
    return Stream.of(
        Arguments.of(
            "ESP32 full field set",
            "+CWLAP:(3,\"hexproof-a1\",-45,\"aa:bb:cc:dd:ee:01\",6,-1,-1,4,4,7,0)",
            new AccessPoint("hexproof-a1", -45, 6, "aa:bb:cc:dd:ee:01")),
        Arguments.of(
            "ESP8266 short form",
            "+CWLAP:(0,\"open\",-90,\"AA:BB:CC:DD:EE:02\",11,-23,0)",
            new AccessPoint("open", -90, 11, "aa:bb:cc:dd:ee:02")),
        Arguments.of(
            "minimal five fields",
            "+CWLAP:(4,\"x\",-60,\"aa:bb:cc:dd:ee:03\",1)",
            new AccessPoint("x", -60, 1, "aa:bb:cc:dd:ee:03")),
        Arguments.of(
            "escaped comma, quote and backslash in the ssid",
            "+CWLAP:(3,\"a\\,b\\\"c\\\\d\",-50,\"aa:bb:cc:dd:ee:04\",13,-1,-1,4,4,7,0)",
            new AccessPoint("a,b\"c\\d", -50, 13, "aa:bb:cc:dd:ee:04")),
        Arguments.of(
            "hidden network with an empty ssid",
            "+CWLAP:(2,\"\",-70,\"aa:bb:cc:dd:ee:05\",9,-1,-1,4,4,7,0)",
            new AccessPoint("", -70, 9, "aa:bb:cc:dd:ee:05")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lines")
  void parses_a_scan_line(String description, String line, AccessPoint expected) {
    assertThat(CwlapParser.parse(line)).contains(expected);
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void rejects_malformed_lines(String line) {
    assertThat(CwlapParser.parse(line)).isEqualTo(Optional.empty());
  }

  static Stream<String> malformed() {
    return Stream.of(
        "OK",
        "+CWLAP:(3,\"a\",-45,\"aa:bb:cc:dd:ee:01\")",
        "+CWLAP:(3,\"a\",strong,\"aa:bb:cc:dd:ee:01\",6)",
        "+CWLAP:(3,\"a\",-45,\"not-a-mac\",6)",
        "+CWLAP:(3,\"a\",-45,\"aa:bb:cc:dd:ee:01\",0)",
        "+CWLAP:(3,\"a\",-45,\"aa:bb:cc:dd:ee:01\",6");
  }

  @Test
  void parse_all_skips_everything_but_scan_lines() {
    List<String> reply =
        List.of(
            "+CWLAP:(3,\"a\",-45,\"aa:bb:cc:dd:ee:01\",6,-1,-1,4,4,7,0)",
            "WIFI DISCONNECT",
            "+CWLAP:(0,\"b\",-80,\"aa:bb:cc:dd:ee:02\",1,-1,-1,0,0,7,0)",
            "OK");
    assertThat(CwlapParser.parseAll(reply)).extracting(AccessPoint::ssid).containsExactly("a", "b");
  }

  @Test
  void escape_round_trips_through_the_parser() {
    String ssid = "we,ird\"na\\me";
    String line = "+CWLAP:(0,\"" + EspAtDriver.escape(ssid) + "\",-40,\"aa:bb:cc:dd:ee:06\",3)";
    assertThat(CwlapParser.parse(line)).map(AccessPoint::ssid).contains(ssid);
  }
}
