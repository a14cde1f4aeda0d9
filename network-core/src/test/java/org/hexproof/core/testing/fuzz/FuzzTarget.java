package org.hexproof.core.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One parser under fuzzing: valid inputs to start from, the exceptions it documents for bad input,
 * and one call of the parser. Anything else it throws, and any input that takes longer than the
 * fuzzer's per-input limit, is a finding.
 */
public interface FuzzTarget {
  /** A short name for reports, e.g. {@code gwmp} or {@code scenario}. */
  String name();

  /** Valid inputs the mutations start from; at least one. */
  List<byte[]> seeds();

  /** The exception types the parser documents for malformed input. */
  List<Class<? extends Exception>> rejections();

  /**
   * Parses one input. Returns normally when the parser accepts it (a target may check the result
   * here and throw {@link AssertionError} when it breaks the parser's contract); throws one of
   * {@link #rejections()} when the parser refuses it.
   */
  void parse(byte[] input) throws Exception;

  /** Single bytes that keep mutants close to the format; JSON syntax unless overridden. */
  default byte[] alphabet() {
    return Mutations.JSON_BYTES;
  }

  /** Whole tokens inserted by the mutations; {@link Mutations#HOSTILE_TOKENS} unless overridden. */
  default List<byte[]> tokens() {
    return Mutations.HOSTILE_TOKENS;
  }

  /** One call of a parser, for {@link #of}. */
  @FunctionalInterface
  interface Parse {
    /** Parses {@code input}; see {@link FuzzTarget#parse}. */
    void parse(byte[] input) throws Exception;
  }

  /** A target from its parts, with the default alphabet and tokens. */
  static FuzzTarget of(
      String name, List<byte[]> seeds, List<Class<? extends Exception>> rejections, Parse parse) {
    return new FuzzTarget() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<byte[]> seeds() {
        return seeds;
      }

      @Override
      public List<Class<? extends Exception>> rejections() {
        return rejections;
      }

      @Override
      public void parse(byte[] input) throws Exception {
        parse.parse(input);
      }
    };
  }

  /** UTF-8 bytes of {@code text}, for building seeds. */
  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
