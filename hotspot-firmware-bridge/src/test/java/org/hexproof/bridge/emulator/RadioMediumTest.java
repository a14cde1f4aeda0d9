package org.hexproof.bridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.core.radio.CodingRate;
import org.hexproof.core.radio.LoraDataRate;
import org.junit.jupiter.api.Test;

class RadioMediumTest {
  private static final RadioSettings PUBLIC_SF9 =
      RadioSettings.interop(904_100_000L, LoraDataRate.parse("SF9BW125"), 20);
  private static final Signal SIGNAL = new Signal(-100, -3.5);

  private static final class Listener implements AttachedRadio {
    final RadioSettings settings;
    final List<byte[]> heard = new ArrayList<>();

    Listener(RadioSettings settings) {
      this.settings = settings;
    }

    @Override
    public Optional<RadioSettings> listening() {
      return Optional.ofNullable(settings);
    }

    @Override
    public void hear(byte[] frame, Signal signal) {
      assertThat(signal).isEqualTo(SIGNAL);
      heard.add(frame);
    }
  }

  @Test
  void delivers_to_every_other_radio_listening_with_matching_settings() {
    FixedSignalMedium medium = new FixedSignalMedium(SIGNAL);
    Listener sender = new Listener(PUBLIC_SF9);
    Listener same = new Listener(PUBLIC_SF9);
    Listener otherPowerAndCr =
        new Listener(
            new RadioSettings(
                904_100_000L, PUBLIC_SF9.dataRate(), CodingRate.CR4_8, 5, 12, true, false));
    Listener privateWord =
        new Listener(
            new RadioSettings(
                904_100_000L, PUBLIC_SF9.dataRate(), CodingRate.CR4_5, 20, 8, false, false));
    Listener invertedIq =
        new Listener(
            new RadioSettings(
                904_100_000L, PUBLIC_SF9.dataRate(), CodingRate.CR4_5, 20, 8, true, true));
    Listener otherSf =
        new Listener(RadioSettings.interop(904_100_000L, LoraDataRate.parse("SF10BW125"), 20));
    Listener off = new Listener(null);
    for (Listener l :
        List.of(sender, same, otherPowerAndCr, privateWord, invertedIq, otherSf, off)) {
      medium.attach(l);
    }

    medium.transmit(new byte[] {1, 2}, PUBLIC_SF9, sender);

    assertThat(same.heard).hasSize(1);
    assertThat(otherPowerAndCr.heard).hasSize(1);
    assertThat(sender.heard).isEmpty();
    assertThat(privateWord.heard).isEmpty();
    assertThat(invertedIq.heard).isEmpty();
    assertThat(otherSf.heard).isEmpty();
    assertThat(off.heard).isEmpty();
  }

  @Test
  void a_detached_radio_hears_nothing() {
    FixedSignalMedium medium = new FixedSignalMedium(SIGNAL);
    Listener l = new Listener(PUBLIC_SF9);
    medium.attach(l);
    medium.detach(l);
    medium.transmit(new byte[] {1}, PUBLIC_SF9, new Listener(PUBLIC_SF9));
    assertThat(l.heard).isEmpty();
  }
}
