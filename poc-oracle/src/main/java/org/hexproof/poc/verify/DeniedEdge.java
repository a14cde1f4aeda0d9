package org.hexproof.poc.verify;

import java.util.Objects;

/**
 * A denylisted pair of hotspots: neither may witness the other. Unordered: {@code of(a, b)} equals
 * {@code of(b, a)}.
 *
 * @param first the lexicographically smaller key
 * @param second the other key
 */
public record DeniedEdge(String first, String second) {
  /** Orders the pair so that equality ignores order. */
  public DeniedEdge {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    if (first.compareTo(second) > 0) {
      String swap = first;
      first = second;
      second = swap;
    }
  }

  /** The edge between two hotspots, in either order. */
  public static DeniedEdge of(String a, String b) {
    return new DeniedEdge(a, b);
  }
}
