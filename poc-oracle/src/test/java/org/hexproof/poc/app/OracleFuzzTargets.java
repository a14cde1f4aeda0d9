package org.hexproof.poc.app;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.Network;
import org.hexproof.core.proto.BeaconReport;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.core.proto.WitnessReport;
import org.hexproof.core.testing.fuzz.FuzzTarget;
import org.hexproof.poc.ingest.RequestRejected;
import org.hexproof.poc.ingest.SignedBodies;
import org.hexproof.poc.replay.ScenarioException;
import org.hexproof.poc.replay.ScenarioReplay;
import org.hexproof.poc.verify.UnverifiableBeaconException;

/**
 * Fuzz targets for the oracle's parsers: the signed-body checks every POST runs ({@link
 * SignedBodies#open}: size, protobuf, key, signature; refused with {@link RequestRejected}) and
 * {@code hexproof verify --scenario} ({@link ScenarioReplay#replay}: refused with {@link
 * ScenarioException}, or {@link UnverifiableBeaconException} for a region it has no plan for).
 */
public final class OracleFuzzTargets {
  private OracleFuzzTargets() {}

  /** {@link SignedBodies#open} on beacon and witness bodies; accepted ones carry their signer. */
  public static FuzzTarget signedBody() {
    SignedBodies bodies = new SignedBodies(4096, Network.MAINNET);
    Ed25519KeyPair a = Hotspots.key(11);
    Ed25519KeyPair b = Hotspots.key(12);
    BeaconReport beacon =
        Hotspots.beacon(
            a,
            EntropyReport.newBuilder()
                .setData(ByteString.copyFrom(new byte[32]))
                .setTimestampS(1_677_163_710L)
                .build(),
            1);
    WitnessReport witness = Hotspots.witness(b, beacon);
    return FuzzTarget.of(
        "signed-body",
        List.of(beacon.toByteArray(), witness.toByteArray(), Hotspots.onboarding(a)),
        List.of(RequestRejected.class),
        input -> {
          boolean asBeacon = input.length % 2 == 0;
          var opened =
              asBeacon
                  ? bodies.open("BeaconReport", input, BeaconReport.parser())
                  : bodies.open("WitnessReport", input, WitnessReport.parser());
          if (!opened.signer().equals(a.publicKey()) && !opened.signer().equals(b.publicKey())) {
            throw new AssertionError("accepted a body signed by " + opened.signer());
          }
        });
  }

  /** {@code hexproof verify}: a scenario gives the verdict document or a documented refusal. */
  public static FuzzTarget scenario() {
    return FuzzTarget.of(
        "scenario",
        List.of(resource("/scenarios/helium-malta.json")),
        List.of(ScenarioException.class, UnverifiableBeaconException.class),
        input -> {
          String output = ScenarioReplay.replay(new String(input, StandardCharsets.UTF_8));
          if (!output.startsWith("{\"beacon\":")) {
            throw new AssertionError("accepted, but the output is not a verdict: " + output);
          }
        });
  }

  private static byte[] resource(String name) {
    try (InputStream in = OracleFuzzTargets.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
