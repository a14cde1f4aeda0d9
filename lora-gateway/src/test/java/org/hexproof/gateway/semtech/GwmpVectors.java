package org.hexproof.gateway.semtech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads {@code src/test/resources/vectors/gwmp-*.json}: an object with a file {@code description}
 * and its cases under {@code vectors}, each with its own {@code description}. A datagram is {@code
 * hex} or {@code header_hex} (spaces allowed) followed by the UTF-8 bytes of {@code body}.
 */
final class GwmpVectors {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private GwmpVectors() {}

  static List<JsonNode> load(String file) {
    String path = "/vectors/" + file;
    try (InputStream in = GwmpVectors.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      List<JsonNode> out = new ArrayList<>();
      MAPPER.readTree(in).get("vectors").forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(path, e);
    }
  }

  static JsonNode byId(String file, String id) {
    return load(file).stream()
        .filter(v -> v.path("id").asText().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(file + " has no vector " + id));
  }

  static byte[] hex(String spaced) {
    return HexFormat.of().parseHex(spaced.replace(" ", ""));
  }

  static byte[] datagram(JsonNode v) {
    String head = v.has("hex") ? v.get("hex").asText() : v.get("header_hex").asText();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(hex(head));
    if (v.has("body")) {
      out.writeBytes(v.get("body").asText().getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  static byte[] example(String id) {
    return datagram(byId("gwmp-examples.json", id));
  }
}
