package org.hexproof.bridge.emulator;

import org.hexproof.bridge.radio.RadioSettings;

/** The air between emulated LoRa radios. Implementations decide who hears whom, and how well. */
public interface RadioMedium {

  /** Adds a radio; attaching twice has no further effect. */
  void attach(AttachedRadio radio);

  /** Removes a radio; unknown radios are ignored. */
  void detach(AttachedRadio radio);

  /**
   * Delivers {@code frame}, sent with {@code settings}, to every other attached radio that hears
   * those settings, each with the signal it receives.
   */
  void transmit(byte[] frame, RadioSettings settings, AttachedRadio sender);
}
