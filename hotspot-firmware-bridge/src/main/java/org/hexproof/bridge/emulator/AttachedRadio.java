package org.hexproof.bridge.emulator;

import java.util.Optional;
import org.hexproof.bridge.radio.RadioSettings;

/** A radio attached to a {@link RadioMedium}. */
public interface AttachedRadio {

  /** The settings it listens with now; empty when its receiver is off or it is transmitting. */
  Optional<RadioSettings> listening();

  /**
   * A frame reached it. Called on the transmitter's thread: implementations hand it over to their
   * own.
   */
  void hear(byte[] frame, Signal signal);
}
