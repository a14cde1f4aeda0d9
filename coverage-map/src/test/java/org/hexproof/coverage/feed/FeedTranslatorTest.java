package org.hexproof.coverage.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.radio.RadioTechnology;
import org.hexproof.coverage.model.BeaconRadio;
import org.hexproof.coverage.model.Fixtures;
import org.junit.jupiter.api.Test;

class FeedTranslatorTest {
  private static final String CELL = H3Cell.fromLatLng(Fixtures.VALLETTA, 12).toDecimalString();
  private static final String FAR =
      H3Cell.fromLatLng(new LatLng(35.9, 14.55), 12).toDecimalString();
  private static final String AT = "2026-11-25T03:14:29.500Z";

  private static FeedPage.Witness witness(int n, String verdict, double distance) {
    return new FeedPage.Witness(
        Fixtures.key(n).toBase58(), FAR, AT, -1080, 35, 867_900_032L, distance, verdict, null);
  }

  private static FeedPage.Entry entry(long id, String verdict, List<FeedPage.Witness> ws) {
    return entry(id, verdict, "SF12BW125", ws);
  }

  private static FeedPage.Entry entry(
      long id, String verdict, String datarate, List<FeedPage.Witness> ws) {
    return new FeedPage.Entry(
        id,
        new FeedPage.Beacon(
            Fixtures.key(1).toBase58(), CELL, datarate, AT, 867_900_000L, verdict, null),
        ws);
  }

  @Test
  void a_valid_beacon_registers_and_each_valid_witness_is_a_sample_in_dbm() {
    PageUpdate u =
        FeedTranslator.translate(
            4,
            new FeedPage(
                List.of(
                    entry(
                        7,
                        "valid",
                        List.of(witness(2, "valid", 3200), witness(3, "invalid", 900)))),
                7));

    assertThat(u.lastId()).isEqualTo(7);
    assertThat(u.events())
        .hasSize(5)
        .first()
        .isInstanceOfSatisfying(
            FeedEvent.Registered.class,
            r -> assertThat(r.radio().dataRateName()).isEqualTo("SF12BW125"));
    FeedEvent.Witnessed w = (FeedEvent.Witnessed) u.events().get(4);
    assertThat(w.sample().rssiDbm()).isEqualTo(-108.0);
    assertThat(w.sample().snrDb()).isEqualTo(3.5);
    assertThat(w.sample().distanceMeters()).isEqualTo(3200);
    assertThat(w.sample().beaconer()).isEqualTo(Fixtures.key(1));
  }

  @Test
  void a_wifi_2g4_beacon_registers_a_wifi_radio_and_its_witnesses_are_samples() {
    PageUpdate u =
        FeedTranslator.translate(
            0,
            new FeedPage(
                List.of(entry(1, "valid", "WIFI_2G4", List.of(witness(2, "valid", 40)))), 1));

    assertThat(u.skipped()).isZero();
    assertThat(u.events().get(0))
        .isInstanceOfSatisfying(
            FeedEvent.Registered.class,
            r -> {
              assertThat(r.radio()).isEqualTo(new BeaconRadio.Wifi());
              assertThat(r.radio().technology()).isEqualTo(RadioTechnology.WIFI);
              assertThat(r.radio().cellResolution()).isEqualTo(12);
            });
    assertThat(u.events()).filteredOn(e -> e instanceof FeedEvent.Witnessed).hasSize(1);
  }

  @Test
  void an_unknown_datarate_skips_the_entry_alone_and_the_reason_names_both_accepted_forms() {
    PageUpdate u =
        FeedTranslator.translate(
            0,
            new FeedPage(
                List.of(
                    entry(1, "valid", "WIFI_5G", List.of(witness(2, "valid", 40))),
                    entry(2, "valid", "SF9BW125", List.of(witness(3, "valid", 900)))),
                2));

    assertThat(u.skipped()).isEqualTo(1);
    assertThat(u.events())
        .filteredOn(e -> e instanceof FeedEvent.Registered)
        .singleElement()
        .isInstanceOfSatisfying(
            FeedEvent.Registered.class,
            r -> assertThat(r.radio()).isInstanceOf(BeaconRadio.Lora.class));
    assertThatThrownBy(() -> BeaconRadio.parse("WIFI_5G"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "datarate: expected a LoRa datarate SF<5..12>BW<kHz> such as SF12BW125, or WIFI_2G4,"
                + " got \"WIFI_5G\"");
  }

  @Test
  void invalid_beacons_count_for_nothing_but_move_the_cursor() {
    PageUpdate u =
        FeedTranslator.translate(
            0, new FeedPage(List.of(entry(3, "invalid", List.of(witness(2, "valid", 10)))), 3));

    assertThat(u.events()).isEmpty();
    assertThat(u.lastId()).isEqualTo(3);
  }

  @Test
  void a_malformed_witness_is_skipped_alone_and_counted() {
    PageUpdate u =
        FeedTranslator.translate(
            0,
            new FeedPage(
                List.of(
                    entry(1, "valid", List.of(witness(2, "valid", 0), witness(3, "valid", 500)))),
                1));

    assertThat(u.skipped()).isEqualTo(1);
    assertThat(u.events()).filteredOn(e -> e instanceof FeedEvent.Witnessed).hasSize(1);
  }

  @Test
  void ids_not_after_the_cursor_reject_the_page() {
    assertThatThrownBy(
            () ->
                FeedTranslator.translate(5, new FeedPage(List.of(entry(5, "valid", List.of())), 5)))
        .isInstanceOf(MalformedFeedException.class)
        .hasMessageContaining("expected strictly increasing ids after 5, got 5");
  }

  @Test
  void back_off_doubles_from_the_poll_interval_up_to_the_maximum() {
    FeedConsumer consumer =
        new FeedConsumer(
            (after, limit) -> new FeedPage(List.of(), after),
            new NullSink(),
            new FeedConsumer.Settings(100, Duration.ofSeconds(1), Duration.ofSeconds(5)));

    assertThat(consumer.backoff(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(consumer.backoff(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(consumer.backoff(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(consumer.backoff(4)).isEqualTo(Duration.ofSeconds(5));
    assertThat(consumer.backoff(60)).isEqualTo(Duration.ofSeconds(5));
  }

  private static final class NullSink implements FeedSink {
    @Override
    public long cursor() {
      return 0;
    }

    @Override
    public void accept(PageUpdate update) {}

    @Override
    public void tick() {}
  }
}
