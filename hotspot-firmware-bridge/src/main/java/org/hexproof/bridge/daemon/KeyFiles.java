package org.hexproof.bridge.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.KeyFileFormat;
import org.hexproof.core.keys.Network;
import org.hexproof.core.keys.PublicKey;

/** Loads the hotspot key, creating it (PKCS#8 PEM, mode 0600) on first start. */
final class KeyFiles {
  private KeyFiles() {}

  /**
   * The key in {@code file}; when there is none, a new key of {@code network} is written there
   * first, owner-only and durably (network-core {@link org.hexproof.core.keys.KeyFiles}).
   *
   * @throws org.hexproof.core.keys.MalformedKeyException when the file holds no readable key
   */
  static Ed25519KeyPair loadOrCreate(Path file, Network network) {
    return org.hexproof.core.keys.KeyFiles.loadOrCreate(file, network);
  }

  /** The public key in {@code file}, without creating anything; empty when there is no file. */
  static Optional<PublicKey> publicKeyIn(Path file, Network network) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(KeyFileFormat.read(Files.readAllBytes(file), network).publicKey());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read key file " + file, e);
    }
  }
}
