package org.hexproof.bridge.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
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
   * first, through a 0600 temporary file moved into place so that no other user can ever read it.
   *
   * @throws org.hexproof.core.keys.MalformedKeyException when the file holds no readable key
   */
  static Ed25519KeyPair loadOrCreate(Path file, Network network) {
    try {
      if (!Files.exists(file)) {
        Ed25519KeyPair key = Ed25519KeyPair.generate(network, new SecureRandom());
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp =
            Files.createTempFile(
                dir,
                ".key-",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
          Files.write(temp, KeyFileFormat.writePem(key));
          Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(temp);
        }
      }
      return KeyFileFormat.read(Files.readAllBytes(file), network);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create key file " + file, e);
    }
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
