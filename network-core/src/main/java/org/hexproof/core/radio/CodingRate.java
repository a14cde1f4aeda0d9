package org.hexproof.core.radio;

/**
 * LoRa forward error correction rate 4/5 to 4/8; {@link #cr()} is the 1..4 of the airtime formula.
 */
public enum CodingRate {
  CR4_5(1),
  CR4_6(2),
  CR4_7(3),
  CR4_8(4);

  private final int cr;

  CodingRate(int cr) {
    this.cr = cr;
  }

  /** The CR value of the SX127x time-on-air formula: 1 for 4/5 up to 4 for 4/8. */
  public int cr() {
    return cr;
  }

  /** The form packet forwarders use in {@code codr}: "4/5" .. "4/8". */
  public String label() {
    return "4/" + (cr + 4);
  }

  /**
   * The coding rate for the formula's CR value.
   *
   * @throws IllegalArgumentException unless {@code cr} is 1..4
   */
  public static CodingRate ofCr(int cr) {
    if (cr < 1 || cr > 4) {
      throw new IllegalArgumentException("coding rate: expected 1..4 (4/5..4/8), got " + cr);
    }
    return values()[cr - 1];
  }
}
