package org.hexproof.coverage.model;

/**
 * How strong the signal in a cell is, after HIP 74's four outdoor tiers. The thresholds that pick a
 * level are configuration ({@link SignalLevels}); only the order is fixed here. Codes are stable
 * and never reused.
 */
public enum SignalLevel {
  /** Below the receiver's floor, or measured and not heard. */
  NONE(0),
  /** At or above the receiver's sensitivity, below the medium threshold. */
  LOW(1),
  /** At or above the medium threshold, below the high threshold. */
  MEDIUM(2),
  /** At or above the high threshold. */
  HIGH(3);

  private final int code;

  SignalLevel(int code) {
    this.code = code;
  }

  /** The stable numeric code (0 = none … 3 = high), higher is better. */
  public int code() {
    return code;
  }

  /** Whether this level means "covered" (anything but {@link #NONE}). */
  public boolean covered() {
    return this != NONE;
  }

  /**
   * The better of two levels.
   *
   * @param other a level, not null
   * @return this or {@code other}, whichever has the higher code
   */
  public SignalLevel max(SignalLevel other) {
    return other.code > code ? other : this;
  }
}
