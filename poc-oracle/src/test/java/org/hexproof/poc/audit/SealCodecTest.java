package org.hexproof.poc.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SealCodecTest {
  /**
   * A body of layout v1 as the oracle wrote it before verdicts named their rule profile: one
   * witness verdict and one feed entry (produced by the v1 encoder, kept as a known answer so that
   * seals already in operators' databases keep verifying).
   */
  private static final String V1_BODY =
      "0000001868657870726f6f662d766572646963742d7365616c2d763100000001000000027231000000077769"
          + "746e65737300000003687331000001a2114a1f7b0100000002623100000007696e76616c696401000000"
          + "1262656c6f775f6d696e5f64697374616e636501000000077769746e6573730000002937206365"
          + "6c6c73206170617274206174207265736f6c7574696f6e2031312c206d696e696d756d2038000000"
          + "0006302e30303030000108c1f91a2b4d3dff000001a2114ce3fc01000000000000002a0000000100"
          + "0000000000002a000000026231000102030405060708090a0b0c0d0e0f101112131415161718191a"
          + "1b1c1d1e1f";

  private static final byte[] ENTRY_SHA = new byte[32];

  static {
    for (int i = 0; i < ENTRY_SHA.length; i++) {
      ENTRY_SHA[i] = (byte) i;
    }
  }

  @Test
  void decodes_a_body_of_the_first_layout_without_rule_profiles() {
    SealCodec.Contents contents = SealCodec.decode(HexFormat.of().parseHex(V1_BODY));

    assertThat(contents.verdicts()).containsExactly(verdict(Optional.empty()));
    assertThat(contents.feed()).hasSize(1);
    assertThat(contents.feed().get(0).id()).isEqualTo(42);
    assertThat(contents.feed().get(0).beaconReportId()).isEqualTo("b1");
    assertThat(contents.feed().get(0).entrySha256()).isEqualTo(ENTRY_SHA);
  }

  @Test
  void writes_the_current_layout_with_the_rule_profile_and_reads_it_back() {
    for (Optional<String> profile : List.of(Optional.of("wifi-2g4"), Optional.<String>empty())) {
      SealCodec.Contents contents =
          new SealCodec.Contents(
              List.of(verdict(profile)), List.of(new SealedFeedEntry(42, "b1", ENTRY_SHA)));

      byte[] body = SealCodec.encode(contents);

      assertThat(new String(body, 4, SealCodec.HEADER.length(), StandardCharsets.UTF_8))
          .isEqualTo("hexproof-verdict-seal-v2");
      assertThat(SealCodec.decode(body).verdicts()).containsExactly(verdict(profile));
    }
  }

  @Test
  void the_rule_profile_is_part_of_what_a_seal_signs() {
    byte[] lora = encode(Optional.of("helium-iot-2025"));
    byte[] wifi = encode(Optional.of("wifi-2g4"));
    byte[] none = encode(Optional.empty());

    assertThat(lora).isNotEqualTo(wifi);
    assertThat(lora).isNotEqualTo(none);
  }

  @Test
  void refuses_an_unknown_layout_naming_the_known_ones() {
    byte[] body = HexFormat.of().parseHex(V1_BODY);
    body[4 + SealCodec.HEADER_V1.length() - 1] = '9';

    assertThatThrownBy(() -> SealCodec.decode(body))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hexproof-verdict-seal-v2")
        .hasMessageContaining("hexproof-verdict-seal-v1");
  }

  private static byte[] encode(Optional<String> profile) {
    return SealCodec.encode(new SealCodec.Contents(List.of(verdict(profile)), List.of()));
  }

  private static SealedVerdict verdict(Optional<String> profile) {
    return new SealedVerdict(
        "r1",
        "witness",
        "hs1",
        Instant.parse("2026-11-25T06:00:00.123Z"),
        Optional.of("b1"),
        "invalid",
        Optional.of("below_min_distance"),
        Optional.of("witness"),
        "7 cells apart at resolution 11, minimum 8",
        false,
        BigDecimal.ZERO,
        Optional.empty(),
        Optional.of(0x8c1f91a2b4d3dffL),
        Instant.parse("2026-11-25T06:03:01.5Z"),
        Optional.of(42L),
        profile);
  }
}
