package org.hexproof.fieldtests.rf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hexproof.bridge.emulator.Signal;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.radio.LoraDataRate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fleet")
class SimulatedMediumTest {
  private static final LatLng ORIGIN = new LatLng(52.3731, 4.8926);
  private static final long F = 868_100_000L;
  private static final RadioSettings SF7 =
      RadioSettings.interop(F, LoraDataRate.parse("SF7BW125"), 14);
  private static final RadioSettings SF12 =
      RadioSettings.interop(F, LoraDataRate.parse("SF12BW125"), 14);
  private static final Duration LONGER_THAN_ANY_FRAME = Duration.ofSeconds(10);

  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T03:00:00Z"));
  private final SimulatedMedium medium =
      SimulatedMedium.manual(RfEnvironment.urban(1).withShadowingSigmaDb(0), clock);

  private RecordingRadio radioAt(String id, double northMeters, RadioSettings listening) {
    RecordingRadio radio = new RecordingRadio(listening);
    medium.attach(radio, RadioSite.at(id, Geodesy.destination(ORIGIN, 0, northMeters), 0));
    return radio;
  }

  private RecordingRadio radioSouth(String id, double southMeters, RadioSettings listening) {
    RecordingRadio radio = new RecordingRadio(listening);
    medium.attach(radio, RadioSite.at(id, Geodesy.destination(ORIGIN, 180, southMeters), 0));
    return radio;
  }

  private static byte[] frame(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private void settle() {
    clock.advance(LONGER_THAN_ANY_FRAME);
    medium.deliverDue();
  }

  @Test
  void attaching_through_the_interface_needs_a_site_placed_first() {
    RecordingRadio unplaced = new RecordingRadio(SF7);

    assertThatThrownBy(() -> medium.attach(unplaced))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("place(radio, site)");
    assertThatThrownBy(() -> medium.transmit(frame("x"), SF7, unplaced))
        .isInstanceOf(IllegalStateException.class);

    medium.place(unplaced, RadioSite.at("late", ORIGIN, 0));
    medium.attach(unplaced);
    medium.attach(unplaced);
    assertThat(medium.siteOf(unplaced)).map(RadioSite::radioId).contains("late");
  }

  @Test
  void a_frame_is_heard_when_it_ends_with_the_link_budget_signal() {
    RecordingRadio sender = radioAt("tx", 0, SF12);
    RecordingRadio near = radioAt("near", 2_000, SF12);

    medium.transmit(frame("beacon"), SF12, sender);
    assertThat(medium.deliverDue()).isZero();
    clock.advance(Duration.ofMillis(500));
    medium.deliverDue();
    assertThat(near.heard).isEmpty(); // SF12 with 6 bytes is on air for 991 ms

    clock.advance(Duration.ofMillis(500));
    assertThat(medium.deliverDue()).isEqualTo(1);

    Signal expected = medium.predict(sender, near, SF12).signal();
    assertThat(near.frames()).containsExactly("beacon");
    assertThat(near.heard.get(0).signal()).isEqualTo(expected);
    assertThat(sender.heard).isEmpty();
  }

  @Test
  void only_radios_listening_with_matching_settings_hear() {
    RecordingRadio sender = radioAt("tx", 0, SF7);
    RecordingRadio same = radioAt("same", 100, SF7);
    RecordingRadio otherSf = radioAt("sf12", 100, SF12);
    RecordingRadio otherFrequency =
        radioAt("f2", 100, RadioSettings.interop(868_300_000L, SF7.dataRate(), 14));
    RecordingRadio off = radioAt("off", 100, null);

    medium.transmit(frame("up"), SF7, sender);
    settle();

    assertThat(same.frames()).containsExactly("up");
    assertThat(otherSf.heard).isEmpty();
    assertThat(otherFrequency.heard).isEmpty();
    assertThat(off.heard).isEmpty();
  }

  @Test
  void sf12_reaches_a_witness_that_sf7_does_not_at_the_same_distance() {
    RecordingRadio sender = radioAt("tx", 0, SF7);
    RecordingRadio sf7Witness = radioAt("w7", 2_000, SF7);
    RecordingRadio sf12Witness = radioAt("w12", 2_000, SF12);

    medium.transmit(frame("sf7"), SF7, sender);
    medium.transmit(frame("sf12"), SF12, sender);
    settle();

    assertThat(sf7Witness.heard).isEmpty();
    assertThat(sf12Witness.frames()).containsExactly("sf12");
    assertThat(sf12Witness.heard.get(0).signal().snrDb()).isNegative();
  }

  @Test
  void a_radio_60_km_away_hears_nothing_in_a_city() {
    RecordingRadio sender = radioAt("tx", 0, SF12);
    RecordingRadio far = radioAt("far", 60_000, SF12);

    medium.transmit(frame("beacon"), SF12, sender);
    settle();

    assertThat(far.heard).isEmpty();
    assertThat(medium.predict(sender, far, SF12).snrDb()).isLessThan(-60);
  }

  @Test
  void overlapping_frames_of_equal_strength_are_both_lost() {
    RecordingRadio north = radioAt("north", 1_000, SF7);
    RecordingRadio south = radioSouth("south", 1_000, SF7);
    RecordingRadio receiver = radioAt("rx", 0, SF7);

    medium.transmit(frame("from north"), SF7, north);
    clock.advance(Duration.ofMillis(20)); // SF7 frames here last about 46 ms
    medium.transmit(frame("from south"), SF7, south);
    settle();

    assertThat(receiver.heard).isEmpty();
  }

  @Test
  void the_stronger_frame_is_captured_when_it_leads_by_6_db_and_the_weaker_is_lost() {
    RecordingRadio far = radioAt("far", 1_000, SF7);
    RecordingRadio near = radioSouth("near", 600, SF7); // 35·log10(1000/600) = 7.8 dB stronger
    RecordingRadio receiver = radioAt("rx", 0, SF7);

    medium.transmit(frame("far"), SF7, far);
    clock.advance(Duration.ofMillis(20));
    medium.transmit(frame("near"), SF7, near);
    settle();

    assertThat(receiver.frames()).containsExactly("near");
  }

  @Test
  void a_lead_under_6_db_loses_both() {
    RecordingRadio far = radioAt("far", 1_000, SF7);
    RecordingRadio closer = radioSouth("closer", 800, SF7); // 3.4 dB stronger
    RecordingRadio receiver = radioAt("rx", 0, SF7);

    medium.transmit(frame("far"), SF7, far);
    medium.transmit(frame("closer"), SF7, closer);
    settle();

    assertThat(receiver.heard).isEmpty();
  }

  @Test
  void frames_that_do_not_overlap_in_time_or_use_another_sf_do_not_collide() {
    RecordingRadio a = radioAt("a", 1_000, SF7);
    RecordingRadio b = radioSouth("b", 1_000, SF7);
    RecordingRadio receiver = radioAt("rx", 0, SF7);
    RecordingRadio sf12Receiver = radioAt("rx12", 0, SF12);

    medium.transmit(frame("first"), SF7, a);
    clock.advance(Duration.ofMillis(100));
    medium.transmit(frame("second"), SF7, b);
    medium.transmit(frame("sf12"), SF12, a);
    settle();

    assertThat(receiver.frames()).containsExactly("first", "second");
    assertThat(sf12Receiver.frames()).containsExactly("sf12");
  }

  @Test
  void a_radio_hears_nothing_while_its_own_frame_is_on_the_air() {
    RecordingRadio talker = radioAt("talker", 0, SF7);
    RecordingRadio other = radioAt("other", 500, SF7);

    medium.transmit(frame("mine"), SF7, talker);
    clock.advance(Duration.ofMillis(10));
    medium.transmit(frame("yours"), SF12, other); // another SF: no collision, only half duplex
    talker.listen(SF12);
    settle();

    assertThat(talker.heard).isEmpty();
  }

  @Test
  void a_multi_channel_radio_hears_every_channel_and_learns_which_one() {
    List<RadioSettings> channels =
        List.of(SF12, RadioSettings.interop(868_300_000L, SF12.dataRate(), 0));
    List<RadioSettings> heardOn = new CopyOnWriteArrayList<>();
    MultiChannelRadio concentrator =
        new MultiChannelRadio() {
          @Override
          public List<RadioSettings> listeningOn() {
            return channels;
          }

          @Override
          public void hear(byte[] frame, RadioSettings sentWith, Signal signal) {
            heardOn.add(sentWith);
          }
        };
    medium.attach(concentrator, RadioSite.at("gw", ORIGIN, 30));
    RecordingRadio node = radioAt("node", 1_000, SF12);

    RadioSettings second = RadioSettings.interop(868_300_000L, SF12.dataRate(), 14);
    medium.transmit(frame("on 868.3"), second, node);
    settle();

    assertThat(heardOn).containsExactly(second);
  }

  @Test
  void the_same_seed_gives_the_same_signals_and_another_seed_other_ones() {
    List<Signal> first = signalsWithSeed(9);
    assertThat(signalsWithSeed(9)).isEqualTo(first);
    assertThat(signalsWithSeed(10)).isNotEqualTo(first);
  }

  private List<Signal> signalsWithSeed(long seed) {
    ManualClock c = new ManualClock(Instant.EPOCH);
    SimulatedMedium m = SimulatedMedium.manual(RfEnvironment.urban(seed), c);
    RecordingRadio sender = new RecordingRadio(SF12);
    m.attach(sender, RadioSite.at("tx", ORIGIN, 0));
    List<RecordingRadio> receivers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      RecordingRadio r = new RecordingRadio(SF12);
      m.attach(r, RadioSite.at("rx" + i, Geodesy.destination(ORIGIN, 36 * i, 300), 0));
      receivers.add(r);
    }
    m.transmit(frame("x"), SF12, sender);
    c.advance(LONGER_THAN_ANY_FRAME);
    m.deliverDue();
    return receivers.stream()
        .flatMap(r -> r.heard.stream())
        .map(RecordingRadio.Heard::signal)
        .toList();
  }

  @Test
  void concurrent_transmissions_from_many_threads_are_all_settled() throws Exception {
    List<RecordingRadio> senders = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      senders.add(radioAt("s" + i, 100.0 * (i + 1), null));
    }
    RecordingRadio receiver = radioAt("rx", 0, SF7);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    try {
      for (int i = 0; i < senders.size(); i++) {
        RecordingRadio sender = senders.get(i);
        RadioSettings channel = RadioSettings.interop(F + 200_000L * (i % 2), SF7.dataRate(), 14);
        pool.execute(
            () -> {
              try {
                go.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              for (int k = 0; k < 50; k++) {
                medium.transmit(frame("k" + k), channel, sender);
              }
            });
      }
      go.countDown();
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      pool.shutdownNow();
    }
    clock.advance(LONGER_THAN_ANY_FRAME);

    assertThat(medium.deliverDue()).isEqualTo(400);
    assertThat(medium.deliverDue()).isZero();
    // all 400 start at one instant: each sender's own 50 frames are equal-strength rivals
    assertThat(receiver.heard).isEmpty();
  }

  @Test
  void a_real_time_medium_delivers_a_frame_after_its_time_on_air() throws Exception {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      SimulatedMedium live =
          SimulatedMedium.realTime(RfEnvironment.urban(1).withShadowingSigmaDb(0), scheduler);
      RecordingRadio sender = new RecordingRadio(SF7);
      RecordingRadio receiver = new RecordingRadio(SF7);
      live.attach(sender, RadioSite.at("tx", ORIGIN, 0));
      live.attach(receiver, RadioSite.at("rx", Geodesy.destination(ORIGIN, 90, 200), 0));

      long start = System.nanoTime();
      live.transmit(frame("live"), SF7, sender);
      while (receiver.heard.isEmpty() && System.nanoTime() - start < 2_000_000_000L) {
        Thread.sleep(5);
      }

      assertThat(receiver.frames()).containsExactly("live");
      assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(30_000_000L); // 31.0 ms on air
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void a_receiver_that_throws_does_not_stop_the_others() {
    RecordingRadio sender = radioAt("tx", 0, SF7);
    RecordingRadio ok = radioAt("ok", 100, SF7);
    medium.attach(
        new org.hexproof.bridge.emulator.AttachedRadio() {
          @Override
          public java.util.Optional<RadioSettings> listening() {
            return java.util.Optional.of(SF7);
          }

          @Override
          public void hear(byte[] frame, Signal signal) {
            throw new IllegalStateException("broken receiver");
          }
        },
        RadioSite.at("broken", ORIGIN, 0));

    medium.transmit(frame("x"), SF7, sender);
    settle();

    assertThat(ok.frames()).containsExactly("x");
    assertThat(medium.deliveryFailures()).isEqualTo(1);
  }
}
