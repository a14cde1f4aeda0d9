package org.hexproof.poc.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.beacon.BeaconGenerator;
import org.hexproof.core.beacon.Entropy;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.Network;
import org.hexproof.core.proto.BeaconReport;
import org.hexproof.core.proto.Capability;
import org.hexproof.core.proto.DataRate;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.core.proto.HotspotOnboarding;
import org.hexproof.core.proto.LocationAssertion;
import org.hexproof.core.proto.Region;
import org.hexproof.core.proto.WitnessReport;
import org.hexproof.core.report.SignedMessages;
import org.hexproof.poc.store.Rows;
import org.hexproof.poc.worker.DensityCache;
import org.hexproof.support.db.Sql;

/** Builders of the signed messages hotspots send, for the ITs. */
final class Hotspots {
  /** The beaconer of helium/oracles' Malta test (res 12). */
  static final H3Cell BEACONER_CELL = H3Cell.fromLong(631615575095659519L);

  /** 28 res-11 cells from the beaconer: its res-12 centre child. */
  static final H3Cell WITNESS_CELL = centreChild(627111975465463807L);

  /** 7 res-11 cells from the beaconer (too close): its res-12 centre child. */
  static final H3Cell TOO_CLOSE_CELL = centreChild(627111975468974079L);

  static final Ed25519KeyPair OWNER = key(200);

  private Hotspots() {}

  static H3Cell centreChild(long index) {
    return H3Cell.fromLatLng(H3Cell.fromLong(index).center(), 12);
  }

  static Ed25519KeyPair key(int n) {
    byte[] seed = new byte[32];
    seed[0] = (byte) n;
    seed[31] = 7;
    return Ed25519KeyPair.fromSeed(Network.MAINNET, seed);
  }

  static byte[] onboarding(Ed25519KeyPair hotspot) {
    return SignedMessages.sign(
            HotspotOnboarding.newBuilder()
                .setOwnerPubKey(ByteString.copyFrom(OWNER.publicKey().toBytes()))
                .setCapability(Capability.FULL)
                .setTimestampMs(1)
                .build(),
            hotspot)
        .toByteArray();
  }

  static byte[] location(Ed25519KeyPair hotspot, H3Cell cell, Region region, long nonce) {
    return SignedMessages.sign(
            LocationAssertion.newBuilder()
                .setH3Cell(cell.index())
                .setGainDdbi(12)
                .setElevationM(5)
                .setRegion(region)
                .setNonce(nonce)
                .build(),
            hotspot)
        .toByteArray();
  }

  /** Onboards {@code hotspot} over HTTP (201) and asserts its location in {@code region} (200). */
  static void place(Http http, Ed25519KeyPair hotspot, H3Cell cell, Region region) {
    assertThat(http.postProtobuf("/v1/hotspots", onboarding(hotspot)).status()).isEqualTo(201);
    assertThat(
            http.postProtobuf(
                    "/v1/hotspots/" + hotspot.publicKey() + "/location",
                    location(hotspot, cell, region, 1))
                .status())
        .isEqualTo(200);
  }

  /**
   * HIP 106 needs history: the state earlier rounds would have left, every hotspot having witnessed
   * and had a witnessed beacon a day before {@code now}; the hex density is then counted again.
   */
  static void giveHistory(Sql sql, DensityCache density, Instant now) {
    sql.update(
        "UPDATE poc.hotspot SET last_witness_at = $1, last_beacon_reciprocity_at = $1",
        Rows.bind(now.minus(Duration.ofDays(1))));
    density.invalidate();
  }

  /** The EU868 beacon a hotspot builds from the served entropy and its 4 local bytes. */
  static BeaconReport beacon(Ed25519KeyPair hotspot, EntropyReport entropy, int local) {
    return beacon(hotspot, entropy, local, org.hexproof.core.radio.Region.EU868);
  }

  /** The beacon a hotspot of {@code region} builds from the served entropy and 4 local bytes. */
  static BeaconReport beacon(
      Ed25519KeyPair hotspot,
      EntropyReport entropy,
      int local,
      org.hexproof.core.radio.Region region) {
    byte[] localBytes = ByteBuffer.allocate(4).putInt(local).array();
    Beacon beacon =
        BeaconGenerator.generate(Entropy.remote(entropy), Entropy.local(localBytes), region.plan());
    return SignedMessages.sign(
        BeaconReport.newBuilder()
            .setLocalEntropy(ByteString.copyFrom(localBytes))
            .setRemoteEntropy(entropy.getData())
            .setData(ByteString.copyFrom(beacon.data()))
            .setFrequencyHz(beacon.frequencyHz())
            .setDatarate(beacon.dataRate())
            .setTxPowerDbm(8)
            .setTimestampNs(123)
            .build(),
        hotspot);
  }

  /**
   * A WiFi scan result of a beacon: {@code data} (the SSID's 20-byte prefix for a match) at the
   * beacon's channel centre frequency, −100 dBm.
   */
  static WitnessReport wifiWitness(
      Ed25519KeyPair hotspot, BeaconReport beacon, byte[] data, DataRate rate) {
    return SignedMessages.sign(
        WitnessReport.newBuilder()
            .setData(ByteString.copyFrom(data))
            .setSignalDdbm(-1000)
            .setFrequencyHz(beacon.getFrequencyHz())
            .setDatarate(rate)
            .setTimestampNs(456)
            .build(),
        hotspot);
  }

  /** The 20 bytes a WiFi witness reads from the beacon's SSID. */
  static byte[] ssidPrefix(BeaconReport beacon) {
    return java.util.Arrays.copyOf(beacon.getData().toByteArray(), 20);
  }

  static WitnessReport witness(Ed25519KeyPair hotspot, BeaconReport beacon) {
    return SignedMessages.sign(
        WitnessReport.newBuilder()
            .setData(beacon.getData())
            .setSignalDdbm(-1080)
            .setSnrDdb(35)
            .setFrequencyHz(beacon.getFrequencyHz() + 32)
            .setDatarate(beacon.getDatarate())
            .setTimestampNs(456)
            .build(),
        hotspot);
  }
}
