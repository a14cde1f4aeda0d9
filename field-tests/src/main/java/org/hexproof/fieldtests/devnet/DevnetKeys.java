package org.hexproof.fieldtests.devnet;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.KeyFiles;
import org.hexproof.core.keys.Network;

/** The devnet's key files: PKCS#8 PEM, mainnet, owner-only, created on first use. */
final class DevnetKeys {
  private DevnetKeys() {}

  /**
   * The key in {@code file}, created first if missing.
   *
   * @throws UncheckedIOException when the file cannot be written or read
   */
  static Ed25519KeyPair loadOrCreate(Path file) {
    return KeyFiles.loadOrCreate(file, Network.MAINNET);
  }
}
