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
   * those settings, each with the signal it receives. Emulators call it as the frame ends on the
   * air, or as it starts when the medium {@linkplain #timesFrames times frames} itself.
   */
  void transmit(byte[] frame, RadioSettings settings, AttachedRadio sender);

  /**
   * Whether {@link #transmit} marks the moment a frame <em>starts</em> on the air and the medium
   * itself delivers it when its time on air has passed, on the medium's own clock (a simulator that
   * judges overlaps and half duplex). The default, false, is a medium that delivers at once, so the
   * sender calls it when its time on air is over.
   */
  default boolean timesFrames() {
    return false;
  }
}
