package org.hexproof.gateway.semtech;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Gateway status, PUSH_DATA's {@code stat} object, sent every {@code stat_interval} (30 s by
 * default; radio.md §1.2). Every field is optional: forwarders without GPS omit the position.
 *
 * @param time gateway wall time as sent, "expanded" form {@code "2014-01-12 08:59:28 GMT"}
 * @param latitudeDeg {@code lati}, degrees, finite
 * @param longitudeDeg {@code long}, degrees, finite
 * @param altitudeM {@code alti}, metres
 * @param rxnb packets received since the last stat, ≥ 0
 * @param rxok of which with a valid CRC, ≥ 0
 * @param rxfw of which forwarded, ≥ 0
 * @param ackrPercent {@code ackr}, share of upstream datagrams acknowledged, percent, finite
 * @param dwnb downlinks received, ≥ 0
 * @param txnb packets emitted, ≥ 0
 * @param tempC {@code temp}, concentrator temperature, °C, finite (sx1302)
 */
public record Stat(
    Optional<String> time,
    OptionalDouble latitudeDeg,
    OptionalDouble longitudeDeg,
    OptionalInt altitudeM,
    OptionalLong rxnb,
    OptionalLong rxok,
    OptionalLong rxfw,
    OptionalDouble ackrPercent,
    OptionalLong dwnb,
    OptionalLong txnb,
    OptionalDouble tempC) {
  private static final DateTimeFormatter EXPANDED =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'GMT'");

  /**
   * @throws IllegalArgumentException if a counter is negative or a decimal is not finite
   * @throws NullPointerException if any component is null
   */
  public Stat {
    Objects.requireNonNull(time, "time");
    for (OptionalDouble d : new OptionalDouble[] {latitudeDeg, longitudeDeg, ackrPercent, tempC}) {
      if (Objects.requireNonNull(d).isPresent() && !Double.isFinite(d.getAsDouble())) {
        throw new IllegalArgumentException("stat: expected finite decimals, got " + d);
      }
    }
    Objects.requireNonNull(altitudeM, "altitudeM");
    for (OptionalLong n : new OptionalLong[] {rxnb, rxok, rxfw, dwnb, txnb}) {
      if (Objects.requireNonNull(n).orElse(0) < 0) {
        throw new IllegalArgumentException("stat: expected counters ≥ 0, got " + n);
      }
    }
  }

  /** {@link #time()} as an instant; empty when absent or not in the expanded form. */
  public Optional<Instant> timeInstant() {
    try {
      return time.map(t -> LocalDateTime.parse(t, EXPANDED).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static Stat fromJson(Json j) throws MalformedDatagramException {
    return new Stat(
        j.optString("time"),
        j.optDouble("lati"),
        j.optDouble("long"),
        j.optInt("alti", Integer.MIN_VALUE, Integer.MAX_VALUE),
        j.optLong("rxnb", 0, Long.MAX_VALUE),
        j.optLong("rxok", 0, Long.MAX_VALUE),
        j.optLong("rxfw", 0, Long.MAX_VALUE),
        j.optDouble("ackr"),
        j.optLong("dwnb", 0, Long.MAX_VALUE),
        j.optLong("txnb", 0, Long.MAX_VALUE),
        j.optDouble("temp"));
  }

  ObjectNode toJson() {
    ObjectNode o = Json.object();
    time.ifPresent(v -> o.put("time", v));
    latitudeDeg.ifPresent(v -> o.put("lati", v));
    longitudeDeg.ifPresent(v -> o.put("long", v));
    altitudeM.ifPresent(v -> o.put("alti", v));
    rxnb.ifPresent(v -> o.put("rxnb", v));
    rxok.ifPresent(v -> o.put("rxok", v));
    rxfw.ifPresent(v -> o.put("rxfw", v));
    ackrPercent.ifPresent(v -> o.put("ackr", v));
    dwnb.ifPresent(v -> o.put("dwnb", v));
    txnb.ifPresent(v -> o.put("txnb", v));
    tempC.ifPresent(v -> o.put("temp", v));
    return o;
  }
}
