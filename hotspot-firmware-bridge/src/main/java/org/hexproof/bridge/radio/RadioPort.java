package org.hexproof.bridge.radio;

import java.util.function.Consumer;

/**
 * A LoRa radio that sends and receives raw frames (LoRa P2P, no LoRaWAN MAC). One caller at a time
 * issues commands; frames arrive on the port's own event thread.
 */
public interface RadioPort extends AutoCloseable {

  /**
   * Applies the settings. If the port is receiving it stops listening for the change and then
   * listens again with the new settings.
   *
   * @throws RadioException when the module rejects a setting, with its error text
   * @throws CommandTimeoutException when the module does not answer
   * @throws LinkDownException when the serial link is gone
   * @throws IllegalArgumentException when the module cannot express the settings at all
   */
  void configure(RadioSettings settings);

  /**
   * Sends one frame with the configured settings and waits until the module reports it sent.
   *
   * @param payload 1..255 bytes (modules may allow fewer)
   * @return the module's completion
   * @throws IllegalStateException before {@link #configure}
   * @throws RadioException for an error reply (busy, bad parameter, radio error), with its text
   * @throws CommandTimeoutException when no completion arrives within airtime plus a margin
   * @throws LinkDownException when the serial link is gone
   */
  TransmitResult transmit(byte[] payload);

  /**
   * Listens continuously, delivering every frame to {@code listener} on the port's event thread
   * until {@link #stopReceiving}. Calling it again replaces the listener.
   *
   * @throws IllegalStateException before {@link #configure}
   * @throws RadioException, CommandTimeoutException, LinkDownException as for {@link #configure}
   */
  void startReceiving(Consumer<ReceivedFrame> listener);

  /** Stops listening; does nothing when not listening. Throws as {@link #configure}. */
  void stopReceiving();

  /** Stops the port's threads and closes the serial line. Never throws. */
  @Override
  void close();
}
