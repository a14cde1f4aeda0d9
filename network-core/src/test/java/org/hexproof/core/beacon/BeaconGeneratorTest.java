package org.hexproof.core.beacon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.hexproof.core.proto.DataRate;
import org.hexproof.core.radio.Region;
import org.hexproof.core.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BeaconGeneratorTest {
  private static final HexFormat HEX = HexFormat.of();

  static Stream<Arguments> vectors() {
    return Vectors.load("beacons.json").stream()
        .map(v -> Arguments.of(v.get("description").asText(), v));
  }

  private static Beacon generate(JsonNode v) {
    Entropy remote =
        new Entropy(
            HEX.parseHex(v.get("remote_entropy_hex").asText()),
            v.get("entropy_timestamp").asLong(),
            0);
    Entropy local = Entropy.local(HEX.parseHex(v.get("local_entropy_hex").asText()));
    return BeaconGenerator.generate(remote, local, Region.parse(v.get("region").asText()).plan());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void builds_known_beacons_bit_for_bit(String description, JsonNode v) {
    Beacon beacon = generate(v);

    assertThat(HEX.formatHex(beacon.data())).isEqualTo(v.get("payload_hex").asText());
    assertThat(beacon.frequencyHz()).isEqualTo(v.get("frequency_hz").asLong());
    assertThat(beacon.dataRate()).isEqualTo(DataRate.valueOf(v.get("datarate").asText()));
  }

  @Test
  void seed_is_sha256_over_both_entropies_with_little_endian_timestamps() {
    JsonNode helium = Vectors.load("beacons.json").get(0);
    Entropy remote =
        new Entropy(
            HEX.parseHex(helium.get("remote_entropy_hex").asText()),
            helium.get("entropy_timestamp").asLong(),
            0);
    Entropy local = Entropy.local(HEX.parseHex(helium.get("local_entropy_hex").asText()));
    assertThat(HEX.formatHex(BeaconGenerator.seed(remote, local)))
        .isEqualTo(helium.get("seed_hex").asText());
  }

  @Test
  void any_change_of_entropy_changes_the_beacon() {
    JsonNode v = Vectors.load("beacons.json").get(0);
    Beacon reference = generate(v);
    byte[] remote = HEX.parseHex(v.get("remote_entropy_hex").asText());
    long ts = v.get("entropy_timestamp").asLong();
    byte[] local = HEX.parseHex(v.get("local_entropy_hex").asText());

    Beacon laterEntropy =
        BeaconGenerator.generate(
            new Entropy(remote, ts + 1, 0), Entropy.local(local), Region.EU868.plan());
    local[3] ^= 1;
    Beacon otherLocal =
        BeaconGenerator.generate(
            new Entropy(remote, ts, 0), Entropy.local(local), Region.EU868.plan());

    assertThat(laterEntropy.data()).isNotEqualTo(reference.data());
    assertThat(otherLocal.data()).isNotEqualTo(reference.data());
  }

  @Test
  void version_1_entropy_builds_the_same_beacon_and_others_are_refused() {
    JsonNode v = Vectors.load("beacons.json").get(0);
    byte[] remote = HEX.parseHex(v.get("remote_entropy_hex").asText());
    Entropy local = Entropy.local(HEX.parseHex(v.get("local_entropy_hex").asText()));
    long ts = v.get("entropy_timestamp").asLong();

    Beacon v1 = BeaconGenerator.generate(new Entropy(remote, ts, 1), local, Region.EU868.plan());
    assertThat(v1).isEqualTo(generate(v));
    assertThatThrownBy(
            () -> BeaconGenerator.generate(new Entropy(remote, ts, 2), local, Region.EU868.plan()))
        .hasMessageContaining("expected 0 or 1, got 2");
  }

  @Test
  void frame_is_proprietary_header_then_payload_and_is_recognised() {
    Beacon beacon = generate(Vectors.load("beacons.json").get(0));
    byte[] frame = beacon.frame();

    assertThat(frame).hasSize(52);
    assertThat(frame[0]).isEqualTo((byte) 0xE0);
    assertThat(Beacon.isBeaconFrame(frame)).isTrue();
    assertThat(beacon.id())
        .isEqualTo("HJkSQWDoO5KGfWMMr0ye0hz9kju7y3qSMfGclEr2RBEI1DAGmDrdnrplJTuHfhJI9EGu");

    byte[] uplink = frame.clone();
    uplink[0] = 0x40; // unconfirmed data up
    assertThat(Beacon.isBeaconFrame(uplink)).isFalse();
    assertThat(Beacon.isBeaconFrame(java.util.Arrays.copyOf(frame, 51))).isFalse();
  }

  @Test
  void rejects_local_entropy_that_is_not_4_bytes() {
    assertThatThrownBy(() -> Entropy.local(new byte[5]))
        .hasMessageContaining("expected 4 bytes, got 5");
    assertThatThrownBy(() -> new Entropy(new byte[0], 1, 0))
        .hasMessageContaining("expected at least one byte");
  }
}
