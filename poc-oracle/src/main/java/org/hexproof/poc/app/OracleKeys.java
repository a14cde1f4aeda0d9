package org.hexproof.poc.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.KeyFileFormat;
import org.hexproof.core.keys.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the oracle key, creating it on first start: a fresh Ed25519 key written as PKCS#8 PEM to a
 * file readable and writable by its owner only (directories created as needed). Only the public key
 * is ever logged.
 */
final class OracleKeys {
  private static final Logger LOG = LoggerFactory.getLogger(OracleKeys.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private OracleKeys() {}

  static Ed25519KeyPair loadOrCreate(Path file, Network network) {
    try {
      if (!Files.exists(file)) {
        create(file, network);
      }
      Ed25519KeyPair key = KeyFileFormat.read(Files.readAllBytes(file), network);
      LOG.info("oracle key {} from {}", key.publicKey().toBase58(), file);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("oracle key file " + file + ": " + e.getMessage(), e);
    }
  }

  private static void create(Path file, Network network) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Ed25519KeyPair key = Ed25519KeyPair.generate(network, new SecureRandom());
    byte[] pem = KeyFileFormat.writePem(key);
    try {
      boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
      if (posix) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(file);
      }
      Files.write(file, pem, StandardOpenOption.TRUNCATE_EXISTING);
      LOG.info("created oracle key {} at {}", key.publicKey().toBase58(), file);
    } catch (FileAlreadyExistsException raced) {
      // another process created it first; read theirs
    }
  }
}
