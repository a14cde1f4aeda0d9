package org.hexproof.bridge.emulator;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hexproof.bridge.radio.RadioSettings;

/**
 * Every attached radio listening with matching settings hears every other at one fixed signal: no
 * distance, no loss, no collisions.
 */
public final class FixedSignalMedium implements RadioMedium {
  private final Signal signal;
  private final List<AttachedRadio> radios = new CopyOnWriteArrayList<>();

  /**
   * @param signal what every receiver measures
   */
  public FixedSignalMedium(Signal signal) {
    this.signal = Objects.requireNonNull(signal, "signal");
  }

  @Override
  public void attach(AttachedRadio radio) {
    Objects.requireNonNull(radio, "radio");
    if (!radios.contains(radio)) {
      radios.add(radio);
    }
  }

  @Override
  public void detach(AttachedRadio radio) {
    radios.remove(radio);
  }

  @Override
  public void transmit(byte[] frame, RadioSettings settings, AttachedRadio sender) {
    for (AttachedRadio radio : radios) {
      if (radio != sender
          && radio.listening().filter(listen -> settings.hears(listen)).isPresent()) {
        radio.hear(frame.clone(), signal);
      }
    }
  }
}
