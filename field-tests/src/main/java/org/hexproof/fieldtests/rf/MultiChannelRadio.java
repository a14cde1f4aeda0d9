package org.hexproof.fieldtests.rf;

import java.util.List;
import java.util.Optional;
import org.hexproof.bridge.emulator.AttachedRadio;
import org.hexproof.bridge.emulator.Signal;
import org.hexproof.bridge.radio.RadioSettings;

/**
 * A receiver that demodulates several channels at once, as a concentrator does, and needs to know
 * which one a frame came in on (an rxpk carries its frequency and datarate). {@link
 * SimulatedMedium} delivers to it through {@link #hear(byte[], RadioSettings, Signal)}.
 *
 * <p>On a medium that only knows {@link AttachedRadio} (such as {@code FixedSignalMedium}) it
 * behaves as a single-channel radio on its first channel.
 */
public interface MultiChannelRadio extends AttachedRadio {

  /** Every channel it listens on now; empty when the receiver is off. */
  List<RadioSettings> listeningOn();

  /**
   * A frame reached it.
   *
   * @param frame the bytes, a copy it may keep
   * @param sentWith the settings the frame was sent with (frequency, datarate, coding rate)
   * @param signal what it measured
   */
  void hear(byte[] frame, RadioSettings sentWith, Signal signal);

  /** The first channel of {@link #listeningOn()}. */
  @Override
  default Optional<RadioSettings> listening() {
    return listeningOn().stream().findFirst();
  }

  /** Hears on the first channel of {@link #listeningOn()}; ignored when the receiver is off. */
  @Override
  default void hear(byte[] frame, Signal signal) {
    listening().ifPresent(first -> hear(frame, first, signal));
  }
}
