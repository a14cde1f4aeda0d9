package org.hexproof.bridge.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import org.hexproof.bridge.files.DurableFiles;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.KeyFileFormat;
import org.hexproof.core.keys.Network;
import org.hexproof.core.keys.PublicKey;

/**
 * Loads a hotspot key, creating it (PKCS#8 PEM, mode 0600) on first start; the devnet keeps its
 * keys the same way.
 */
public final class KeyFiles {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private KeyFiles() {}

  /**
   * The key in {@code file}; when there is none, a new key of {@code network} is written there
   * first, owner-only (0600) from its first byte and forced to disk before it gets its name ({@link
   * DurableFiles#createOnce}): a power cut never leaves an empty key file, and of two daemons
   * starting on one key file both end with the key of whichever created it.
   *
   * @throws org.hexproof.core.keys.MalformedKeyException when the file holds no readable key
   */
  public static Ed25519KeyPair loadOrCreate(Path file, Network network) {
    try {
      if (!Files.exists(file)) {
        Ed25519KeyPair key = Ed25519KeyPair.generate(network, new SecureRandom());
        Files.createDirectories(file.toAbsolutePath().getParent());
        DurableFiles.createOnce(file, KeyFileFormat.writePem(key), OWNER_ONLY);
      }
      return KeyFileFormat.read(Files.readAllBytes(file), network);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create key file " + file, e);
    }
  }

  /** The public key in {@code file}, without creating anything; empty when there is no file. */
  public static Optional<PublicKey> publicKeyIn(Path file, Network network) {
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
