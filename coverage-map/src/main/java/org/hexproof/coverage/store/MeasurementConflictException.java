package org.hexproof.coverage.store;

/**
 * An uploaded measurement has the time, place and hearers of a stored one but other signal values:
 * one packet heard by one hotspot has one RSSI, so one of the two is wrong. Nothing of the upload
 * was stored.
 */
public final class MeasurementConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int index;

  /**
   * Creates the exception.
   *
   * @param index the measurement's position in the upload, from 0
   * @param message what conflicts, one line
   */
  public MeasurementConflictException(int index, String message) {
    super(message);
    this.index = index;
  }

  /** The measurement's position in the upload, from 0. */
  public int index() {
    return index;
  }
}
