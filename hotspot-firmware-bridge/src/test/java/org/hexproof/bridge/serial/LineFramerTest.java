package org.hexproof.bridge.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LineFramerTest {
  private static final String STREAM = "AT+P2P=?\r\nAT+P2P=868000000:7:125:0:8:14\r\n\r\nOK\r\n";
  private static final List<String> LINES =
      List.of("AT+P2P=?", "AT+P2P=868000000:7:125:0:8:14", "", "OK");

  static IntStream splitPoints() {
    return IntStream.rangeClosed(0, STREAM.length());
  }

  @ParameterizedTest
  @MethodSource("splitPoints")
  void frames_the_same_lines_wherever_a_chunk_boundary_falls(int split) {
    byte[] bytes = STREAM.getBytes(StandardCharsets.US_ASCII);
    LineFramer framer = new LineFramer();
    List<String> lines = new ArrayList<>(framer.accept(Arrays.copyOfRange(bytes, 0, split)));
    lines.addAll(framer.accept(Arrays.copyOfRange(bytes, split, bytes.length)));
    assertThat(lines).isEqualTo(LINES);
    assertThat(framer.pendingBytes()).isZero();
  }

  @Test
  void frames_a_stream_fed_one_byte_at_a_time() {
    LineFramer framer = new LineFramer();
    List<String> lines = new ArrayList<>();
    for (byte b : STREAM.getBytes(StandardCharsets.US_ASCII)) {
      lines.addAll(framer.accept(new byte[] {b}));
    }
    assertThat(lines).isEqualTo(LINES);
  }

  static Stream<Arguments> endings() {
    return Stream.of(
        Arguments.of("CR LF", "OK\r\n", List.of("OK")),
        Arguments.of("bare LF", "OK\n", List.of("OK")),
        Arguments.of("ESP-AT echo CR CR LF", "AT\r\r\nOK\r\n", List.of("AT", "OK")),
        Arguments.of("stray CR inside a line", "radio_rx  AB\rCD\r\n", List.of("radio_rx  ABCD")),
        Arguments.of("CR LF LF gives an empty line", "OK\r\n\n", List.of("OK", "")),
        Arguments.of("no ending yet", "+EVT:RXP2P:-2", List.of()),
        Arguments.of("bytes above 0x7f kept", "\u00e9\r\n", List.of("\u00e9")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endings")
  void handles_line_endings(String description, String input, List<String> expected) {
    assertThat(new LineFramer().accept(input.getBytes(StandardCharsets.ISO_8859_1)))
        .isEqualTo(expected);
  }

  @Test
  void drops_an_overlong_line_and_recovers_at_the_next_lf() {
    LineFramer framer = new LineFramer();
    byte[] junk = new byte[LineFramer.MAX_LINE_BYTES + 10];
    Arrays.fill(junk, (byte) 'x');
    assertThat(framer.accept(junk)).isEmpty();
    assertThat(framer.accept("tail\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII)))
        .containsExactly("OK");
  }

  @Test
  void keeps_a_partial_line_until_it_ends() {
    LineFramer framer = new LineFramer();
    assertThat(framer.accept("+EVT:TX".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(framer.pendingBytes()).isEqualTo(7);
    assertThat(framer.accept("P2P DONE\r\n".getBytes(StandardCharsets.US_ASCII)))
        .containsExactly("+EVT:TXP2P DONE");
  }
}
