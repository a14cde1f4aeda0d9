package org.hexproof.core.geo;

import com.uber.h3core.LengthUnit;
import com.uber.h3core.exceptions.H3Exception;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A valid H3 (v4) cell, wrapping its 64-bit index. Once a value is an {@code H3Cell} it is known to
 * be a cell, so no raw index needs to move further downstream.
 *
 * <p>Ordering and equality are by index. {@link #toString()} is the conventional lower-case hex
 * form (for example {@code 8c3f304e42e4bff}).
 *
 * @param index the H3 index; must satisfy {@code isValidCell}
 */
public record H3Cell(long index) implements Comparable<H3Cell> {

  /** Finest H3 resolution. */
  public static final int MAX_RESOLUTION = 15;

  private static final Pattern DECIMAL = Pattern.compile("[0-9]{17,19}");
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,16}");

  /**
   * Validates the index.
   *
   * @throws InvalidCellException if {@code index} is not a valid H3 cell
   */
  public H3Cell {
    if (!H3.core().isValidCell(index)) {
      throw new InvalidCellException(
          Long.toString(index),
          "expected a valid H3 cell index, got " + index + " (0x" + Long.toHexString(index) + ")");
    }
  }

  /**
   * Wraps a raw index.
   *
   * @param index the H3 index
   * @return the cell
   * @throws InvalidCellException if {@code index} is not a valid H3 cell
   */
  public static H3Cell fromLong(long index) {
    return new H3Cell(index);
  }

  /**
   * Parses a cell from its decimal form ({@code 631615575095659519}) or its hex form ({@code
   * 8c3f304e42e4bff}, case-insensitive, optional {@code 0x} prefix). Digit-only strings of 17 to 19
   * characters are read as decimal (every valid cell is at least 2<sup>59</sup> ≈
   * 5.8·10<sup>17</sup>, whose hex form has 15 characters); other strings of at most 16 hex digits
   * are read as hex.
   *
   * @param text the text, not null; no surrounding whitespace is allowed
   * @return the cell
   * @throws InvalidCellException if the text is in neither form or is not a valid cell
   */
  public static H3Cell parse(String text) {
    String hex = text;
    if (text.startsWith("0x") || text.startsWith("0X")) {
      hex = text.substring(2);
    } else if (DECIMAL.matcher(text).matches()) {
      try {
        return fromParsed(text, Long.parseLong(text));
      } catch (NumberFormatException e) {
        throw malformed(text);
      }
    }
    if (!HEX.matcher(hex).matches()) {
      throw malformed(text);
    }
    return fromParsed(text, Long.parseUnsignedLong(hex, 16));
  }

  private static H3Cell fromParsed(String text, long index) {
    if (!H3.core().isValidCell(index)) {
      throw new InvalidCellException(
          text, "expected a valid H3 cell index, got \"" + text + "\", which is not a cell");
    }
    return new H3Cell(index);
  }

  private static InvalidCellException malformed(String text) {
    return new InvalidCellException(
        text,
        "expected an H3 cell index in decimal (e.g. 631615575095659519) or hex (e.g."
            + " 8c3f304e42e4bff, optional 0x), got \""
            + text
            + "\"");
  }

  /**
   * Returns the cell at {@code resolution} that contains {@code point}.
   *
   * @param point the point, not null
   * @param resolution H3 resolution in [0, 15]
   * @return the containing cell
   * @throws IllegalArgumentException if {@code resolution} is out of range
   */
  public static H3Cell fromLatLng(LatLng point, int resolution) {
    checkResolution(resolution, MAX_RESOLUTION);
    return new H3Cell(H3.core().latLngToCell(point.latDegrees(), point.lngDegrees(), resolution));
  }

  /**
   * Returns the resolution of this cell.
   *
   * @return resolution in [0, 15]
   */
  public int resolution() {
    return H3.core().getResolution(index);
  }

  /**
   * Returns the ancestor of this cell at a coarser (or the same) resolution.
   *
   * @param resolution target resolution in [0, {@link #resolution()}]; equal returns this cell
   * @return the parent cell
   * @throws IllegalArgumentException if {@code resolution} is negative or finer than this cell
   */
  public H3Cell parent(int resolution) {
    checkResolution(resolution, resolution());
    return new H3Cell(H3.core().cellToParent(index, resolution));
  }

  /**
   * Returns the centre point of this cell.
   *
   * @return the centre, in degrees
   */
  public LatLng center() {
    return LatLng.fromH3(H3.core().cellToLatLng(index));
  }

  /**
   * Returns the boundary vertices in counter-clockwise order, without repeating the first vertex. A
   * hexagon has 6 vertices, a pentagon 5; odd (Class III) resolutions can have up to 10 where the
   * cell crosses an icosahedron face.
   *
   * @return an unmodifiable list of vertices
   */
  public List<LatLng> boundary() {
    return H3.core().cellToBoundary(index).stream().map(LatLng::fromH3).toList();
  }

  /**
   * Returns the grid distance (number of steps between neighbouring cells) to {@code other}.
   *
   * @param other a cell, not null
   * @return the distance in cells, or empty when H3 cannot compute it: the cells have different
   *     resolutions, are too far apart, or the path crosses pentagon distortion
   */
  public OptionalInt gridDistance(H3Cell other) {
    try {
      return OptionalInt.of(Math.toIntExact(H3.core().gridDistance(index, other.index)));
    } catch (H3Exception e) {
      // h3 documents failure here as "cannot be compared"; it is an answer, not an error.
      return OptionalInt.empty();
    }
  }

  /**
   * Returns the great-circle (haversine, spherical Earth) distance between the centres of this cell
   * and {@code other}.
   *
   * @param other a cell, not null; it may have a different resolution
   * @return distance in metres, ≥ 0
   */
  public double distanceMeters(H3Cell other) {
    return H3.core()
        .greatCircleDistance(
            H3.core().cellToLatLng(index), H3.core().cellToLatLng(other.index), LengthUnit.m);
  }

  /**
   * Returns all cells within grid distance {@code k} of this cell, this cell first. There are
   * 3k(k+1)+1 of them unless a pentagon is within reach.
   *
   * @param k radius in cells, ≥ 0
   * @return an unmodifiable list of distinct cells at this resolution
   * @throws IllegalArgumentException if {@code k} is negative
   */
  public List<H3Cell> disk(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("k: expected ≥ 0, got " + k);
    }
    return H3.core().gridDisk(index, k).stream().map(H3Cell::new).toList();
  }

  /**
   * Returns the index in decimal, as Helium's oracles store it.
   *
   * @return the decimal form
   */
  public String toDecimalString() {
    return Long.toString(index);
  }

  /** Returns the lower-case hex form without prefix, e.g. {@code 8c3f304e42e4bff}. */
  @Override
  public String toString() {
    return Long.toHexString(index).toLowerCase(Locale.ROOT);
  }

  @Override
  public int compareTo(H3Cell other) {
    return Long.compare(index, other.index);
  }

  private static void checkResolution(int resolution, int max) {
    if (resolution < 0 || resolution > max) {
      throw new IllegalArgumentException(
          "resolution: expected a value in [0, " + max + "], got " + resolution);
    }
  }
}
