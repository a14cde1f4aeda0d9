package org.hexproof.core.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Loads language-neutral test vectors from {@code src/test/resources/vectors/*.json}. A file is
 * either a JSON array of cases, or an object with a file-level {@code description} (where the
 * figures come from) and the cases under {@code vectors}; every case has its own {@code
 * description}.
 */
public final class Vectors {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private Vectors() {}

  /**
   * Reads the cases of {@code /vectors/<file>}.
   *
   * @param file file name under {@code vectors/}
   * @param type record type of one case ({@link JsonNode} for untyped access)
   * @return the cases in file order
   */
  public static <T> List<T> load(String file, Class<T> type) {
    String path = "/vectors/" + file;
    try (InputStream in = Vectors.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      JsonNode root = MAPPER.readTree(in);
      JsonNode cases = root.isArray() ? root : root.get("vectors");
      if (cases == null || !cases.isArray()) {
        throw new IllegalStateException(path + ": expected an array or {\"vectors\": [...]}");
      }
      return MAPPER.convertValue(
          cases, MAPPER.getTypeFactory().constructCollectionType(List.class, type));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** Reads the cases of {@code /vectors/<file>} as JSON trees. */
  public static List<JsonNode> load(String file) {
    return load(file, JsonNode.class);
  }
}
