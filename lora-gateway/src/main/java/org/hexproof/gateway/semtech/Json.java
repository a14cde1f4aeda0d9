package org.hexproof.gateway.semtech;

import static org.hexproof.gateway.semtech.MalformedDatagramException.Reason.BAD_FIELD;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The one Jackson configuration of the codec and a reader over one JSON object that turns every
 * missing or mistyped field into a {@link MalformedDatagramException} naming the field's path.
 * Decimals are read as exact {@link BigDecimal}s and written plain (never {@code 1E+2}); duplicate
 * keys and bytes after the object are rejected. A JSON {@code null} reads as an absent field.
 */
final class Json {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  private final ObjectNode node;
  private final String path;

  Json(ObjectNode node, String path) {
    this.node = node;
    this.path = path;
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static byte[] write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException("writing a JSON tree to memory cannot fail", e);
    }
  }

  String path() {
    return path;
  }

  boolean has(String name) {
    JsonNode v = node.get(name);
    return v != null && !v.isNull();
  }

  private JsonNode get(String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : v;
  }

  private MalformedDatagramException bad(String name, String expected, JsonNode got) {
    String shown =
        got == null ? "nothing" : got.getNodeType().name().toLowerCase(Locale.ROOT) + " " + got;
    if (shown.length() > 80) {
      shown = shown.substring(0, 77) + "...";
    }
    return new MalformedDatagramException(
        BAD_FIELD, path + "." + name + ": expected " + expected + ", got " + shown);
  }

  Optional<String> optString(String name) throws MalformedDatagramException {
    JsonNode v = get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw bad(name, "a string", v);
    }
    return Optional.of(v.textValue());
  }

  String string(String name) throws MalformedDatagramException {
    return optString(name).orElseThrow(() -> bad(name, "a string", null));
  }

  OptionalLong optLong(String name, long min, long max) throws MalformedDatagramException {
    JsonNode v = get(name);
    if (v == null) {
      return OptionalLong.empty();
    }
    if (!v.isNumber() || !v.canConvertToExactIntegral() || !v.canConvertToLong()) {
      throw bad(name, "an integer in " + min + ".." + max, v);
    }
    long x = v.longValue();
    if (x < min || x > max) {
      throw bad(name, "an integer in " + min + ".." + max, v);
    }
    return OptionalLong.of(x);
  }

  OptionalInt optInt(String name, int min, int max) throws MalformedDatagramException {
    OptionalLong v = optLong(name, min, max);
    return v.isPresent() ? OptionalInt.of((int) v.getAsLong()) : OptionalInt.empty();
  }

  int requiredInt(String name, int min, int max) throws MalformedDatagramException {
    OptionalInt v = optInt(name, min, max);
    if (v.isEmpty()) {
      throw bad(name, "an integer in " + min + ".." + max, null);
    }
    return v.getAsInt();
  }

  OptionalDouble optDouble(String name) throws MalformedDatagramException {
    JsonNode v = get(name);
    if (v == null) {
      return OptionalDouble.empty();
    }
    double d = v.isNumber() ? v.doubleValue() : Double.NaN;
    if (!Double.isFinite(d)) {
      throw bad(name, "a finite number", v);
    }
    return OptionalDouble.of(d);
  }

  /** A decimal strictly between {@code 0} and {@code max}, exactly as written. */
  BigDecimal positiveDecimal(String name, BigDecimal max) throws MalformedDatagramException {
    JsonNode v = get(name);
    String expected = "a number in (0, " + max.toPlainString() + ")";
    if (v == null || !v.isNumber()) {
      throw bad(name, expected, v);
    }
    BigDecimal d = v.decimalValue();
    if (d.signum() <= 0 || d.compareTo(max) >= 0) {
      throw bad(name, expected, v);
    }
    return d;
  }

  Optional<Boolean> optBoolean(String name) throws MalformedDatagramException {
    JsonNode v = get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isBoolean()) {
      throw bad(name, "true or false", v);
    }
    return Optional.of(v.booleanValue());
  }

  Optional<Json> optObject(String name) throws MalformedDatagramException {
    JsonNode v = get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isObject()) {
      throw bad(name, "an object", v);
    }
    return Optional.of(new Json((ObjectNode) v, path + "." + name));
  }

  /** The objects of array {@code name}; empty when absent. */
  List<Json> objects(String name) throws MalformedDatagramException {
    JsonNode v = get(name);
    if (v == null) {
      return List.of();
    }
    if (!v.isArray()) {
      throw bad(name, "an array", v);
    }
    List<Json> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      if (!e.isObject()) {
        throw bad(name + "[" + i + "]", "an object", e);
      }
      out.add(new Json((ObjectNode) e, path + "." + name + "[" + i + "]"));
    }
    return out;
  }

  /** {@code modu}: "LORA" or "FSK". */
  Modulation modulation() throws MalformedDatagramException {
    String m = string("modu");
    if (m.equals("LORA")) {
      return Modulation.LORA;
    }
    if (m.equals("FSK")) {
      return Modulation.FSK;
    }
    throw badField("modu", "\"LORA\" or \"FSK\"");
  }

  /** {@code datr}, whose JSON type must be the one {@code modu} uses. */
  Datr datr(Modulation modu) throws MalformedDatagramException {
    if (modu == Modulation.LORA) {
      String text = string("datr");
      if (text.isBlank()) {
        throw badField("datr", "a LoRa data rate such as \"SF7BW125\"");
      }
      return new Datr.Lora(text);
    }
    return new Datr.Fsk(
        optLong("datr", 1, Long.MAX_VALUE)
            .orElseThrow(() -> badField("datr", "an FSK bit rate > 0")));
  }

  /** {@code data}, base64 by {@link PhyPayload#fromBase64}'s lenient rules. */
  PhyPayload payload() throws MalformedDatagramException {
    String text = string("data");
    try {
      return PhyPayload.fromBase64(text);
    } catch (IllegalArgumentException e) {
      throw new MalformedDatagramException(
          MalformedDatagramException.Reason.BAD_BASE64, path + ".data: " + e.getMessage(), e);
    }
  }

  static void putDatr(ObjectNode o, Datr datr) {
    if (datr instanceof Datr.Lora l) {
      o.put("datr", l.text());
    } else if (datr instanceof Datr.Fsk f) {
      o.put("datr", f.bitsPerSecond());
    }
  }

  /**
   * The value of a decimal field with trailing zeros dropped and no negative scale, so that {@code
   * 869.10} and {@code 869.1} are one value and writing it plain then reading it gives it back.
   */
  static BigDecimal normalize(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** The raw value of {@code name}, or null when absent; for fields with more than one type. */
  JsonNode raw(String name) {
    return get(name);
  }

  MalformedDatagramException badField(String name, String expected) {
    return bad(name, expected, get(name));
  }
}
