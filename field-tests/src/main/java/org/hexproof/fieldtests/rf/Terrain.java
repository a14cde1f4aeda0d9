package org.hexproof.fieldtests.rf;

import java.util.function.LongFunction;

/** The three environment presets of {@link RfEnvironment}, by name. */
public enum Terrain {
  URBAN(RfEnvironment::urban),
  SUBURBAN(RfEnvironment::suburban),
  RURAL(RfEnvironment::rural);

  private final LongFunction<RfEnvironment> preset;

  Terrain(LongFunction<RfEnvironment> preset) {
    this.preset = preset;
  }

  /** The preset environment for this terrain, with {@code seed}. */
  public RfEnvironment environment(long seed) {
    return preset.apply(seed);
  }
}
