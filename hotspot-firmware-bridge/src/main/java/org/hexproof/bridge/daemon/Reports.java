package org.hexproof.bridge.daemon;

import com.google.protobuf.ByteString;
import java.time.Instant;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.proto.BeaconReport;
import org.hexproof.core.proto.Capability;
import org.hexproof.core.proto.DataRate;
import org.hexproof.core.proto.HotspotOnboarding;
import org.hexproof.core.proto.LocationAssertion;
import org.hexproof.core.proto.WitnessReport;
import org.hexproof.core.radio.Region;
import org.hexproof.core.report.SignedMessages;

/**
 * Builds and signs the messages a hotspot sends (reports.proto; signing rule of SignedMessages).
 * Public so that hotspots simulated outside the daemon (the devnet's concentrators) send the same
 * bytes.
 */
public final class Reports {
  private Reports() {}

  /** An onboarding of {@code key}'s hotspot, full capability, owned by {@code owner}. */
  public static HotspotOnboarding onboarding(Ed25519KeyPair key, PublicKey owner, Instant now) {
    return SignedMessages.sign(
        HotspotOnboarding.newBuilder()
            .setOwnerPubKey(ByteString.copyFrom(owner.toBytes()))
            .setCapability(Capability.FULL)
            .setTimestampMs(now.toEpochMilli())
            .build(),
        key);
  }

  /** A location assertion; the nonce is the assertion time in ms, so it grows with every one. */
  public static LocationAssertion location(
      Ed25519KeyPair key, H3Cell cell, int gainDdbi, int elevationM, Region region, Instant now) {
    return SignedMessages.sign(
        LocationAssertion.newBuilder()
            .setH3Cell(cell.index())
            .setGainDdbi(gainDdbi)
            .setElevationM(elevationM)
            .setRegion(region.toProto())
            .setNonce(now.toEpochMilli())
            .setTimestampMs(now.toEpochMilli())
            .build(),
        key);
  }

  /** The report of a beacon sent with {@code localEntropy} over {@code remoteEntropy}. */
  public static BeaconReport beacon(
      Ed25519KeyPair key,
      byte[] localEntropy,
      ByteString remoteEntropy,
      Beacon beacon,
      int txPowerDbm,
      Instant now) {
    return SignedMessages.sign(
        BeaconReport.newBuilder()
            .setLocalEntropy(ByteString.copyFrom(localEntropy))
            .setRemoteEntropy(remoteEntropy)
            .setData(ByteString.copyFrom(beacon.data()))
            .setFrequencyHz(beacon.frequencyHz())
            .setChannel(0)
            .setDatarate(beacon.dataRate())
            .setTxPowerDbm(txPowerDbm)
            .setTimestampNs(nanos(now))
            .build(),
        key);
  }

  /**
   * A witness report.
   *
   * @param data the 51 payload bytes (LoRa) or the 20 SSID bytes (WiFi)
   * @param signalDdbm RSSI in tenths of a dBm
   * @param snrDdb SNR in tenths of a dB (0 when the radio does not measure it)
   */
  public static WitnessReport witness(
      Ed25519KeyPair key,
      byte[] data,
      int signalDdbm,
      int snrDdb,
      long frequencyHz,
      DataRate dataRate,
      Instant now) {
    return SignedMessages.sign(
        WitnessReport.newBuilder()
            .setData(ByteString.copyFrom(data))
            .setTimestampNs(nanos(now))
            .setSignalDdbm(signalDdbm)
            .setSnrDdb(snrDdb)
            .setFrequencyHz(frequencyHz)
            .setDatarate(dataRate)
            .build(),
        key);
  }

  private static long nanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }
}
