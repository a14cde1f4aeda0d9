package org.hexproof.coverage.model;

/** Range checks shared by the records' compact constructors. */
final class Checks {
  private Checks() {}

  static void inRange(String name, double value, double min, double max) {
    if (!Double.isFinite(value) || value < min || value > max) {
      throw new IllegalArgumentException(
          name + ": expected a finite value in [" + min + ", " + max + "], got " + value);
    }
  }

  static void finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + ": expected a finite value, got " + value);
    }
  }
}
