package org.hexproof.bridge.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading {@code Retry-After} (RFC 9110 §10.2.3) in both its forms. */
class RetryAfterTest {
  private static final String DATE = "Wed, 25 Nov 2026 12:00:00 GMT";

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of("seconds", "120", null, Optional.of(Duration.ofSeconds(120))),
        Arguments.of("zero seconds", "0", null, Optional.of(Duration.ZERO)),
        Arguments.of("spaces around", " 7 ", null, Optional.of(Duration.ofSeconds(7))),
        Arguments.of("more than a day", "604800", null, Optional.of(RetryAfter.LONGEST)),
        Arguments.of(
            "more than a long", "99999999999999999999", null, Optional.of(RetryAfter.LONGEST)),
        Arguments.of(
            "date against the answer's Date",
            "Wed, 25 Nov 2026 12:01:30 GMT",
            DATE,
            Optional.of(Duration.ofSeconds(90))),
        Arguments.of(
            "date already past", "Wed, 25 Nov 2026 11:59:00 GMT", DATE, Optional.of(Duration.ZERO)),
        Arguments.of(
            "date without a Date header", "Wed, 25 Nov 2026 12:01:30 GMT", null, Optional.empty()),
        Arguments.of("negative seconds", "-5", DATE, Optional.empty()),
        Arguments.of("fraction", "1.5", DATE, Optional.empty()),
        Arguments.of("empty", "", DATE, Optional.empty()),
        Arguments.of("words", "soon", DATE, Optional.empty()),
        Arguments.of(
            "unreadable Date", "Wed, 25 Nov 2026 12:01:30 GMT", "yesterday", Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void reads_seconds_or_a_date_and_nothing_else(
      String what, String value, String date, Optional<Duration> expected) {
    Map<String, List<String>> map =
        date == null
            ? Map.of("Retry-After", List.of(value))
            : Map.of("Retry-After", List.of(value), "Date", List.of(date));
    RetryAfter.Read read = RetryAfter.of(HttpHeaders.of(map, (k, v) -> true));
    assertThat(read.delay()).isEqualTo(expected);
    if (expected.isEmpty()) {
      assertThat(read.problem())
          .hasValueSatisfying(
              p -> assertThat(p).contains("expected delta-seconds").contains(value.strip()));
    } else {
      assertThat(read.problem()).isEmpty();
    }
  }

  @Test
  void no_header_is_no_wait_and_no_problem() {
    RetryAfter.Read read = RetryAfter.of(HttpHeaders.of(Map.of(), (k, v) -> true));
    assertThat(read.delay()).isEmpty();
    assertThat(read.problem()).isEmpty();
  }
}
