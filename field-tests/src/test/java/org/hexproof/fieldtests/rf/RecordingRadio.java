package org.hexproof.fieldtests.rf;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hexproof.bridge.emulator.AttachedRadio;
import org.hexproof.bridge.emulator.Signal;
import org.hexproof.bridge.radio.RadioSettings;

/** A single-channel radio that records what it hears, for medium tests. */
final class RecordingRadio implements AttachedRadio {
  record Heard(byte[] frame, Signal signal) {}

  private volatile RadioSettings settings;
  final List<Heard> heard = new CopyOnWriteArrayList<>();

  RecordingRadio(RadioSettings settings) {
    this.settings = settings;
  }

  void listen(RadioSettings newSettings) {
    settings = newSettings;
  }

  @Override
  public Optional<RadioSettings> listening() {
    return Optional.ofNullable(settings);
  }

  @Override
  public void hear(byte[] frame, Signal signal) {
    heard.add(new Heard(frame, signal));
  }

  List<String> frames() {
    return heard.stream()
        .map(h -> new String(h.frame(), java.nio.charset.StandardCharsets.US_ASCII))
        .toList();
  }
}
