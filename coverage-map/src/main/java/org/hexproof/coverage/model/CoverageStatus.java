package org.hexproof.coverage.model;

/**
 * What the map knows about a point's cell. {@link #MEASURED_NONE} ("we went there, nothing heard
 * us") and {@link #NOT_MAPPED} ("we have no evidence either way") are deliberately different
 * answers (mappers issue #81).
 */
public enum CoverageStatus {
  /** Predicted coverage from at least one fresh hotspot's model. */
  MODELED,
  /** Measured, and at least one measurement in the cell was heard. */
  MEASURED,
  /** Measured, and no measurement in the cell was heard by any hotspot. */
  MEASURED_NONE,
  /** Neither measured nor inside any fresh hotspot's predicted coverage. */
  NOT_MAPPED
}
