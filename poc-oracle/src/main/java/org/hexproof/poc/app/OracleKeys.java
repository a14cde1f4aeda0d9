package org.hexproof.poc.app;

import java.nio.file.Path;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.KeyFiles;
import org.hexproof.core.keys.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the oracle key, creating it on first start: a fresh Ed25519 key written as PKCS#8 PEM to a
 * file readable and writable by its owner only, durably (network-core {@code KeyFiles}). Only the
 * public key is ever logged.
 */
final class OracleKeys {
  private static final Logger LOG = LoggerFactory.getLogger(OracleKeys.class);

  private OracleKeys() {}

  static Ed25519KeyPair loadOrCreate(Path file, Network network) {
    Ed25519KeyPair key = KeyFiles.loadOrCreate(file, network);
    LOG.info("oracle key {} from {}", key.publicKey().toBase58(), file);
    return key;
  }
}
