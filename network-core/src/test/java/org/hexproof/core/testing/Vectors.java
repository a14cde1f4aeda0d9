package org.hexproof.core.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Loads language-neutral test vectors from {@code src/test/resources/vectors/*.json}. */
public final class Vectors {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private Vectors() {}

  /**
   * Reads {@code /vectors/<file>}, a JSON array of objects, each with a {@code description}.
   *
   * @param file file name under {@code vectors/}
   * @param type record type of one vector
   * @return the vectors in file order
   */
  public static <T> List<T> load(String file, Class<T> type) {
    String path = "/vectors/" + file;
    try (InputStream in = Vectors.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return MAPPER.readValue(
          in, MAPPER.getTypeFactory().constructCollectionType(List.class, type));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
