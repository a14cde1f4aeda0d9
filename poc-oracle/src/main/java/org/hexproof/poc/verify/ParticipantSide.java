package org.hexproof.poc.verify;

/**
 * Whose fault an invalid witness is: Helium's {@code invalid_participant_side} (poc-rules.md §4). A
 * witness of an invalid beacon is invalid on the {@link #BEACONER} side.
 */
public enum ParticipantSide {
  NONE(0),
  BEACONER(2),
  WITNESS(3);

  private final int code;

  ParticipantSide(int code) {
    this.code = code;
  }

  /** The proto code: 0, 2 or 3. */
  public int code() {
    return code;
  }
}
