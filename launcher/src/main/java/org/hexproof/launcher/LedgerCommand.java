package org.hexproof.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hexproof.core.keys.Network;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.rewards.app.ProofJson;
import org.hexproof.rewards.ledger.MerkleTree;
import org.hexproof.rewards.ledger.OracleQuorum;
import org.hexproof.rewards.store.LedgerAudit;
import org.hexproof.support.db.DatabaseUrl;
import org.hexproof.support.db.Sql;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hexproof ledger}: check the rewards ledger and Merkle proofs. */
@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description = "Rewards ledger checks.",
    subcommands = {LedgerCommand.Verify.class, LedgerCommand.VerifyProof.class})
final class LedgerCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "expected a subcommand: verify, verify-proof");
  }

  /**
   * {@code hexproof ledger verify}: re-checks the whole chain in the rewards database from genesis
   * (hashes, signatures, threshold, Merkle roots, leaf counts and totals, stored columns, balance
   * tables = sum of mints). Prints a JSON summary; exit 0 when sound, 1 naming the first bad entry.
   */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Re-check the rewards ledger from genesis; exit 1 naming the first bad entry.",
        "Prints {\"sound\", \"entries\", \"wallets\", \"total_minted\", \"first_bad\":"
            + " {\"sequence\", \"epoch\", \"reason\", \"detail\"} or null}."
      })
  static final class Verify implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--database-url",
        defaultValue = "${env:DATABASE_URL}",
        paramLabel = "URL",
        description =
            "PostgreSQL of the rewards service (r2dbc:postgresql://… or postgres://…);"
                + " default: $DATABASE_URL, else the embedded data directory")
    String databaseUrl;

    @Option(
        names = "--data-directory",
        defaultValue = "${sys:user.home}/.hexproof/rewards",
        paramLabel = "DIR",
        description =
            "embedded PostgreSQL data directory when no URL is given (the service must be"
                + " stopped); default ~/.hexproof/rewards")
    Path dataDirectory;

    @Option(
        names = "--oracle",
        paramLabel = "KEY",
        description = "a trusted oracle public key (base58); repeat for several")
    List<String> oracles = new ArrayList<>();

    @Option(
        names = "--threshold",
        defaultValue = "1",
        paramLabel = "K",
        description = "signatures of distinct trusted oracles each entry needs; default 1")
    int threshold;

    @Option(
        names = "--oracle-key-file",
        defaultValue = "${sys:user.home}/.hexproof/oracle.key",
        paramLabel = "FILE",
        description =
            "without --oracle: trust this key file's public key; default"
                + " ~/.hexproof/oracle.key")
    Path oracleKeyFile;

    @Override
    public Integer call() {
      CommandLine cli = spec.commandLine();
      OracleQuorum quorum = quorum(cli);
      try (OfflineDatabase db =
          OfflineDatabase.open(cli, databaseUrl, dataDirectory, Duration.ofSeconds(30))) {
        Sql sql = db.sql();
        DatabaseUrl url = db.url();
        boolean hasSchema =
            sql.queryOne(
                    "SELECT to_regclass('rewards.ledger_entries') IS NOT NULL",
                    r -> r.get(0, Boolean.class))
                .orElse(false);
        if (!hasSchema) {
          throw new BadInputException(url + " has no rewards ledger (schema rewards)");
        }
        LedgerAudit.Result result = LedgerAudit.run(sql, quorum);
        Json.print(cli.getOut(), document(result));
        if (result.firstBad().isPresent()) {
          LedgerAudit.BadEntry bad = result.firstBad().get();
          cli.getErr()
              .println(
                  "hexproof ledger verify: entry sequence "
                      + bad.sequence()
                      + " (epoch "
                      + bad.epoch()
                      + ") is bad: "
                      + bad.reason()
                      + ": "
                      + bad.detail().replaceAll("\\s*\\R\\s*", " "));
          return Hexproof.EXIT_FAILURE;
        }
        return 0;
      }
    }

    private OracleQuorum quorum(CommandLine cli) {
      Set<PublicKey> keys = TrustedOracles.of(cli, oracles, oracleKeyFile, Network.MAINNET);
      Options.inRange(cli, "--threshold", threshold, 1, keys.size());
      return new OracleQuorum(keys, threshold);
    }

    private static Map<String, Object> document(LedgerAudit.Result result) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("sound", result.sound());
      doc.put("entries", result.entries());
      doc.put("wallets", result.balances().map(b -> b.byWallet().size()).orElse(null));
      doc.put("total_minted", result.balances().map(b -> b.total().baseUnits()).orElse(null));
      doc.put(
          "first_bad",
          result
              .firstBad()
              .map(
                  bad -> {
                    Map<String, Object> b = new LinkedHashMap<>();
                    b.put("sequence", bad.sequence());
                    b.put("epoch", bad.epoch());
                    b.put("reason", bad.reason());
                    b.put("detail", bad.detail());
                    return b;
                  })
              .orElse(null));
      return doc;
    }
  }

  /**
   * {@code hexproof ledger verify-proof}: checks offline that a proof document (as {@code GET
   * /v1/rewards/epochs/{epoch}/proofs/{key}} serves it) leads from its leaf to a trusted root.
   */
  @Command(
      name = "verify-proof",
      mixinStandardHelpOptions = true,
      description = {
        "Check a hotspot's Merkle inclusion proof offline against a trusted root.",
        "Prints {\"valid\", \"epoch\", \"hotspot\", \"owner\", \"total\", \"leaf_hash\"};"
            + " exit 0 when valid, 1 when not."
      })
  static final class VerifyProof implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--proof",
        required = true,
        paramLabel = "FILE",
        description = "the proof JSON from /v1/rewards/epochs/{epoch}/proofs/{key}")
    Path proof;

    @Option(
        names = "--root",
        required = true,
        paramLabel = "HEX",
        description = "the trusted Merkle root (64 hex digits), e.g. from the signed manifest")
    String root;

    @Override
    public Integer call() {
      CommandLine cli = spec.commandLine();
      byte[] trusted;
      try {
        trusted = ProofJson.hash(root, "--root");
      } catch (IllegalArgumentException e) {
        throw Options.bad(cli, "--root", "64 hex digits", root);
      }
      JsonNode json;
      try {
        json = MAPPER.readTree(Files.readString(proof));
      } catch (IOException e) {
        throw new BadInputException(proof + ": expected a proof JSON document: " + e.getMessage());
      }
      ProofJson.Document doc;
      try {
        doc = ProofJson.parse(json);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(proof + ": " + e.getMessage());
      }
      boolean valid = doc.proof().verify(doc.leaf(), trusted);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("valid", valid);
      out.put("epoch", doc.epoch());
      out.put("hotspot", doc.leaf().hotspot().toBase58());
      out.put("owner", doc.leaf().owner().toBase58());
      out.put("total", doc.leaf().total().baseUnits());
      out.put("leaf_hash", HexFormat.of().formatHex(MerkleTree.leafHash(doc.leaf())));
      Json.print(cli.getOut(), out);
      if (!valid) {
        cli.getErr()
            .println(
                "hexproof ledger verify-proof: the proof does not lead from the leaf to root "
                    + HexFormat.of().formatHex(trusted));
        return Hexproof.EXIT_FAILURE;
      }
      return 0;
    }
  }
}
