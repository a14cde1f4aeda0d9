package org.hexproof.core.keys;

import static org.hexproof.core.testing.fuzz.FuzzTarget.utf8;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.InvalidCellException;
import org.hexproof.core.testing.fuzz.FuzzTarget;

/**
 * Fuzz targets for the text and file formats of network-core: base58check public keys, key files
 * (PKCS#8 PEM and Helium binary) and H3 cell text. Each accepted input must round-trip.
 */
public final class KeyFuzzTargets {
  private static final Ed25519KeyPair MAIN = key(Network.MAINNET, 1);
  private static final Ed25519KeyPair TEST = key(Network.TESTNET, 2);

  private KeyFuzzTargets() {}

  /** {@link PublicKey#fromBase58}: an accepted key prints as the same text. */
  public static FuzzTarget base58Key() {
    return FuzzTarget.of(
        "base58-key",
        List.of(utf8(MAIN.publicKey().toBase58()), utf8(TEST.publicKey().toBase58())),
        List.of(MalformedKeyException.class),
        input -> {
          String text = new String(input, StandardCharsets.UTF_8);
          PublicKey key = PublicKey.fromBase58(text);
          if (!key.toBase58().equals(text)) {
            throw new AssertionError("accepted '" + text + "' but prints " + key.toBase58());
          }
        });
  }

  /** {@link KeyFileFormat#read}: an accepted file holds a key pair that signs and verifies. */
  public static FuzzTarget keyFile() {
    return FuzzTarget.of(
        "key-file",
        List.of(
            KeyFileFormat.writePem(MAIN),
            KeyFileFormat.writeHeliumBinary(MAIN),
            KeyFileFormat.writeHeliumBinary(TEST)),
        List.of(MalformedKeyException.class),
        input -> {
          Ed25519KeyPair pair = KeyFileFormat.read(input, Network.MAINNET);
          byte[] message = {1, 2, 3};
          if (!pair.publicKey().verify(message, pair.sign(message))) {
            throw new AssertionError("accepted a key pair that does not verify its own signature");
          }
        });
  }

  /** {@link H3Cell#parse} (decimal or hex): an accepted cell parses again from its decimal form. */
  public static FuzzTarget h3Cell() {
    return FuzzTarget.of(
        "h3-cell",
        List.of(utf8("631615575095659519"), utf8("8c3f3a4c2a2b5ff"), utf8("0x8c3f3a4c2a2b5ff")),
        List.of(InvalidCellException.class),
        input -> {
          H3Cell cell = H3Cell.parse(new String(input, StandardCharsets.UTF_8));
          if (!H3Cell.parse(cell.toDecimalString()).equals(cell)) {
            throw new AssertionError("cell " + cell + " does not round-trip");
          }
        });
  }

  private static Ed25519KeyPair key(Network network, int n) {
    byte[] seed = new byte[Ed25519KeyPair.SEED_LENGTH];
    seed[0] = (byte) n;
    return Ed25519KeyPair.fromSeed(network, seed);
  }
}
