package org.hexproof.coverage.model;

/** Where a cell's coverage comes from. A measured cell overrides the model in that cell. */
public enum CoverageSource {
  /** Field measurements fell in the cell; they decide its level, heard or not. */
  MEASURED,
  /** Predicted from the path-loss models of hotspots with a fresh valid PoC. */
  MODELED
}
