package org.hexproof.fieldtests.devnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.KeyFileFormat;
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
    try {
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        Ed25519KeyPair key = Ed25519KeyPair.generate(Network.MAINNET, new SecureRandom());
        Files.write(file, KeyFileFormat.writePem(key));
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system
        }
      }
      return KeyFileFormat.read(Files.readAllBytes(file), Network.MAINNET);
    } catch (IOException e) {
      throw new UncheckedIOException("devnet: cannot create or read the key " + file, e);
    }
  }
}
