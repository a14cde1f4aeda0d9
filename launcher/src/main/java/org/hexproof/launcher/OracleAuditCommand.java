package org.hexproof.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hexproof.core.keys.Network;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.poc.audit.AuditFinding;
import org.hexproof.poc.audit.VerdictAudit;
import org.hexproof.support.db.Sql;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hexproof oracle audit}: re-checks the oracle's stored verdicts against their signed seals
 * and every stored report against its own signature (poc-oracle README, "Verdict audit"). Prints a
 * JSON summary; exit 0 when sound, 1 naming the first table, row and field that changed.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Re-check stored verdicts, feed entries and reports; exit 1 naming what changed.",
      "Prints {\"sound\", \"seals\", \"verdicts\", \"feed_entries\", \"reports\", \"head\":"
          + " {\"seq\", \"digest\"}, \"finding_count\", \"findings\": [{\"table\", \"id\","
          + " \"field\", \"detail\"}] (the first 100)}."
    })
final class OracleAuditCommand implements Callable<Integer> {
  private static final int MAX_PRINTED = 100;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--database-url",
      defaultValue = "${env:DATABASE_URL}",
      paramLabel = "URL",
      description =
          "the oracle's PostgreSQL (r2dbc:postgresql://… or postgres://…); default: $DATABASE_URL,"
              + " else the embedded database in the data directory")
  String databaseUrl;

  @Option(
      names = "--data-dir",
      defaultValue = "${sys:user.home}/.hexproof/oracle",
      paramLabel = "DIR",
      description =
          "the oracle's data directory (its oracle.key, and its embedded database when no URL is"
              + " given; the oracle must be stopped); default ~/.hexproof/oracle")
  Path dataDir;

  @Option(
      names = "--oracle",
      paramLabel = "KEY",
      description =
          "a trusted oracle public key (base58); repeat for several; default: the data"
              + " directory's oracle.key")
  List<String> oracles = new ArrayList<>();

  @Option(
      names = "--network",
      defaultValue = "mainnet",
      paramLabel = "mainnet|testnet",
      description = "network of the oracle key file; default ${DEFAULT-VALUE}")
  String network;

  @Override
  public Integer call() {
    CommandLine cli = spec.commandLine();
    Set<PublicKey> trusted = trusted(cli);
    try (OfflineDatabase db =
        OfflineDatabase.open(
            cli, databaseUrl, dataDir.resolve("postgres"), Duration.ofSeconds(60))) {
      Sql sql = db.sql();
      boolean hasSeals =
          sql.queryOne(
                  "SELECT to_regclass('poc.verdict_seal') IS NOT NULL",
                  r -> r.get(0, Boolean.class))
              .orElse(false);
      if (!hasSeals) {
        throw new BadInputException(
            db.url() + " has no oracle schema with verdict seals (poc, V2)");
      }
      VerdictAudit.Result result = VerdictAudit.run(sql, trusted);
      Json.print(cli.getOut(), document(result));
      if (!result.sound()) {
        AuditFinding first = result.findings().get(0);
        cli.getErr()
            .println(
                "hexproof oracle audit: "
                    + result.findings().size()
                    + " finding(s); first: "
                    + first.line().replaceAll("\\s*\\R\\s*", " "));
        return Hexproof.EXIT_FAILURE;
      }
      return 0;
    }
  }

  private Set<PublicKey> trusted(CommandLine cli) {
    Network net;
    try {
      net = Network.valueOf(network.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Options.bad(cli, "--network", "mainnet or testnet", network);
    }
    return TrustedOracles.of(cli, oracles, dataDir.resolve("oracle.key"), net);
  }

  private static Map<String, Object> document(VerdictAudit.Result result) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("sound", result.sound());
    doc.put("seals", result.seals());
    doc.put("verdicts", result.verdicts());
    doc.put("feed_entries", result.feedEntries());
    doc.put("reports", result.reports());
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("seq", result.headSeq());
    head.put("digest", result.headDigest());
    doc.put("head", head);
    doc.put("finding_count", result.findings().size());
    List<Map<String, Object>> findings = new ArrayList<>();
    for (AuditFinding f :
        result.findings().subList(0, Math.min(MAX_PRINTED, result.findings().size()))) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("table", f.table());
      o.put("id", f.id());
      o.put("field", f.field());
      o.put("detail", f.detail());
      findings.add(o);
    }
    doc.put("findings", findings);
    return doc;
  }
}
