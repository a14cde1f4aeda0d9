package org.hexproof.poc.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hexproof.poc.verify.Bytes;

/** Typed reads from a JSON object, each failure a {@link ScenarioException} naming the path. */
final class JsonFields {
  private final JsonNode node;
  private final String path;

  private JsonFields(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /** The object at {@code path}, checking that it has no keys outside {@code known}. */
  static JsonFields object(JsonNode node, String path, Set<String> known) {
    if (node == null || !node.isObject()) {
      throw new ScenarioException(path, "expected an object, got " + describe(node));
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new ScenarioException(path + "." + name, "unknown field; expected one of " + known);
      }
    }
    return new JsonFields(node, path);
  }

  String path(String field) {
    return path + "." + field;
  }

  Optional<JsonNode> optional(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  JsonNode required(String field) {
    return optional(field)
        .orElseThrow(() -> new ScenarioException(path(field), "required, got nothing"));
  }

  String text(String field) {
    JsonNode value = required(field);
    if (!value.isTextual()) {
      throw new ScenarioException(path(field), "expected a string, got " + describe(value));
    }
    return value.textValue();
  }

  Optional<String> optionalText(String field) {
    return optional(field).map(v -> text(field));
  }

  long integer(String field, long min, long max) {
    return integerValue(required(field), path(field), min, max);
  }

  static long integerValue(JsonNode value, String path, long min, long max) {
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new ScenarioException(path, "expected an integer, got " + describe(value));
    }
    long v = value.longValue();
    if (v < min || v > max) {
      throw new ScenarioException(path, "expected " + min + ".." + max + ", got " + v);
    }
    return v;
  }

  boolean bool(String field, boolean fallback) {
    Optional<JsonNode> value = optional(field);
    if (value.isEmpty()) {
      return fallback;
    }
    if (!value.get().isBoolean()) {
      throw new ScenarioException(
          path(field), "expected true or false, got " + describe(value.get()));
    }
    return value.get().booleanValue();
  }

  Instant instant(String field) {
    return parseInstant(text(field), path(field));
  }

  Optional<Instant> optionalInstant(String field) {
    return optionalText(field).map(t -> parseInstant(t, path(field)));
  }

  Bytes hex(String field) {
    String text = text(field);
    try {
      return Bytes.fromHex(text);
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(
          path(field), "expected hex digits, two per byte, got \"" + text + "\"");
    }
  }

  List<JsonNode> array(String field) {
    Optional<JsonNode> value = optional(field);
    if (value.isEmpty()) {
      return List.of();
    }
    if (!value.get().isArray()) {
      throw new ScenarioException(path(field), "expected an array, got " + describe(value.get()));
    }
    List<JsonNode> items = new ArrayList<>();
    value.get().forEach(items::add);
    return items;
  }

  private static Instant parseInstant(String text, String path) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ScenarioException(
          path,
          "expected an ISO-8601 UTC time like 2023-02-23T14:50:30.123Z, got \"" + text + "\"");
    }
  }

  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return "\"" + node.textValue() + "\"";
    }
    if (node.isContainerNode()) {
      return node.isArray() ? "an array" : "an object";
    }
    return node.toString();
  }
}
