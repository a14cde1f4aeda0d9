package org.hexproof.bridge.emulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.bridge.serial.LineChannelOpener;
import org.hexproof.core.radio.LoraAirtime;

/** A LoRa module emulator on a {@link RadioMedium}. */
public abstract class LoraEmulator extends ModuleEmulator implements AttachedRadio {
  private final RadioMedium medium;
  private volatile RadioSettings listeningWith;

  /**
   * @param name for logs
   * @param opener opens the emulator's end of the link
   * @param medium the air it shares with other emulators
   * @param runtime the thread and time base it runs on
   */
  protected LoraEmulator(
      String name, LineChannelOpener opener, RadioMedium medium, EmulatorRuntime runtime) {
    super(name, opener, runtime);
    this.medium = Objects.requireNonNull(medium, "medium");
  }

  @Override
  public void start() {
    super.start();
    medium.attach(this);
  }

  @Override
  public void close() {
    medium.detach(this);
    super.close();
  }

  @Override
  public final Optional<RadioSettings> listening() {
    return Optional.ofNullable(listeningWith);
  }

  @Override
  public final void hear(byte[] frame, Signal signal) {
    onThread(
        () -> {
          if (listeningWith != null) {
            heard(frame, signal);
          }
        });
  }

  /** Handles a frame received while listening, on the emulator thread. */
  protected abstract void heard(byte[] frame, Signal signal);

  /** Turns the receiver on with {@code settings}, or off with null. */
  protected final void listen(RadioSettings settings) {
    listeningWith = settings;
  }

  /** Whether the receiver is on. */
  protected final boolean isListening() {
    return listeningWith != null;
  }

  /**
   * Puts {@code frame} on the air for its time on air (radio.md §3.1, on the runtime's time base),
   * then runs {@code done} on the emulator thread. The caller turns its receiver off first when the
   * module is half duplex. A medium that {@linkplain RadioMedium#timesFrames times frames} gets the
   * frame as it starts, so that it stamps start and end on its own clock; any other gets it as it
   * ends.
   */
  protected final void sendOnAir(byte[] frame, RadioSettings settings, Runnable done) {
    Duration airtime = LoraAirtime.timeOnAir(settings.modulation(), frame.length).duration();
    if (medium.timesFrames()) {
      medium.transmit(frame, settings, this);
      later(airtime, done);
      return;
    }
    later(
        airtime,
        () -> {
          medium.transmit(frame, settings, this);
          done.run();
        });
  }
}
