package org.hexproof.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hexproof.core.keys.KeyFileFormat;
import org.hexproof.core.keys.MalformedKeyException;
import org.hexproof.core.keys.Network;
import org.hexproof.core.keys.PublicKey;
import picocli.CommandLine;

/**
 * The oracle keys an offline check trusts: every {@code --oracle}, else a key file's public key.
 */
final class TrustedOracles {
  private TrustedOracles() {}

  /**
   * @param cli for usage errors
   * @param oracles the {@code --oracle} values (base58)
   * @param keyFile read when {@code oracles} is empty
   * @param network the network of a binary key file
   * @return the keys, in order, at least one
   * @throws CommandLine.ParameterException for a value that is not a key
   * @throws BadInputException when the key file is needed and cannot be read
   */
  static Set<PublicKey> of(CommandLine cli, List<String> oracles, Path keyFile, Network network) {
    Set<PublicKey> keys = new LinkedHashSet<>();
    if (oracles.isEmpty()) {
      try {
        keys.add(KeyFileFormat.read(Files.readAllBytes(keyFile), network).publicKey());
      } catch (IOException | IllegalArgumentException e) {
        throw new BadInputException(
            "no --oracle given and the oracle key file "
                + keyFile
                + " cannot be read: "
                + e.getMessage());
      }
    }
    for (String oracle : oracles) {
      try {
        keys.add(PublicKey.fromBase58(oracle));
      } catch (MalformedKeyException e) {
        throw Options.bad(cli, "--oracle", "a base58 public key", oracle);
      }
    }
    return keys;
  }
}
