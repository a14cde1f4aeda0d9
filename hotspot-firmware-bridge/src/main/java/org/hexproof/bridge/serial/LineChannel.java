package org.hexproof.bridge.serial;

/**
 * A line-oriented serial link. Incoming lines go to the {@link LineReceiver} the channel was opened
 * with, on the channel's reader thread.
 */
public interface LineChannel extends AutoCloseable {

  /**
   * Writes {@code line} followed by CR LF.
   *
   * @throws org.hexproof.bridge.radio.LinkDownException when the write fails
   */
  void writeLine(String line);

  /** Stops the reader and releases the device. Never throws; closing twice is harmless. */
  @Override
  void close();
}
