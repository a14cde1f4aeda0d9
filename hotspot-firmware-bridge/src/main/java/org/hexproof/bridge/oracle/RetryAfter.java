package org.hexproof.bridge.oracle;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads an answer's {@code Retry-After} (RFC 9110 §10.2.3): {@code delta-seconds}, or an {@code
 * HTTP-date} taken relative to the answer's own {@code Date} header (§6.6.1), so the wait does not
 * depend on how far the hotspot's clock is from the server's. A date without a {@code Date} header
 * to compare it with, or a value of neither form, gives no wait: the caller's backoff applies.
 */
final class RetryAfter {
  /** Longest wait taken from a header; callers bound it further (e.g. by their backoff's max). */
  static final Duration LONGEST = Duration.ofDays(1);

  private RetryAfter() {}

  /** What an answer's headers say about when to come back. */
  record Read(Optional<Duration> delay, Optional<String> problem) {}

  static Read of(HttpHeaders headers) {
    Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
    if (value.isEmpty()) {
      return new Read(Optional.empty(), Optional.empty());
    }
    Optional<Duration> delay = parse(value.get(), headers.firstValue("Date"));
    return new Read(
        delay,
        delay.isPresent()
            ? Optional.empty()
            : Optional.of(
                "Retry-After ignored: expected delta-seconds, or an HTTP-date with a Date header,"
                    + " got \""
                    + value.get()
                    + "\""));
  }

  /**
   * @param value the header's value
   * @param date the answer's {@code Date} header, for the HTTP-date form
   * @return the wait, 0..{@link #LONGEST}; empty when {@code value} is unusable
   */
  static Optional<Duration> parse(String value, Optional<String> date) {
    if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      // more digits than a long surely holds is still "a very long time"
      return Optional.of(
          value.length() > 18 ? LONGEST : min(Duration.ofSeconds(Long.parseLong(value))));
    }
    if (date.isEmpty()) {
      return Optional.empty();
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      ZonedDateTime now = ZonedDateTime.parse(date.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : min(wait));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Duration min(Duration wait) {
    return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
  }
}
