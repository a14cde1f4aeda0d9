package org.hexproof.benchmarks;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.RuntimeBeanDefinition;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hexproof.poc.app.PocDatabase;
import org.hexproof.poc.entropy.EntropyService;
import org.hexproof.poc.store.Rows;
import org.hexproof.poc.worker.DensityCache;
import org.hexproof.poc.worker.PocWorker;
import org.hexproof.support.db.Sql;

/**
 * The oracle under load, in a JVM of its own so that the load generator's HTTP clients are not
 * counted in its CPU: the oracle's Micronaut context (environment {@code oracle}, scheduling off,
 * embedded PostgreSQL in the given directory, HTTP on 127.0.0.1 at a free port) on a {@link
 * SteppedClock}, driven by one-line commands on standard input ({@link OracleProcess} sends them).
 * Each answer is one line on standard output starting with {@value #ANSWER}; anything else there is
 * log output.
 */
public final class OracleServer {
  static final String ANSWER = "@oracle ";

  /** The PostgreSQL data directory's name under the oracle's directory. */
  static final String POSTGRES_DIR = "oracle-bench-pg";

  private OracleServer() {}

  /**
   * Runs the oracle until {@code quit} or the end of standard input.
   *
   * @param args the data directory
   * @throws Exception when the oracle does not start
   */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    // answers only: System.out may also carry the framework's log lines
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    SteppedClock clock = new SteppedClock(Instant.EPOCH);
    if (StatementProfile.enabled()) {
      StatementProfile.prepare(dir.resolve(POSTGRES_DIR));
    }
    ApplicationContext ctx =
        ApplicationContext.builder().environments("oracle").properties(properties(dir)).build();
    ctx.registerBeanDefinition(
        RuntimeBeanDefinition.builder(Clock.class, () -> clock).replaces(Clock.class).build());
    ctx.start();
    EmbeddedServer server = ctx.getBean(EmbeddedServer.class).start();
    try {
      if (ctx.getBean(Clock.class) != clock) {
        throw new IllegalStateException("the oracle did not take the benchmark's clock");
      }
      Sql sql = ctx.getBean(PocDatabase.class).sql();
      out.println(ANSWER + server.getURI());
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] command = line.split(" ");
        if (command[0].equals("quit")) {
          break;
        }
        String answer;
        try {
          answer = answer(ctx, sql, clock, dir.resolve(POSTGRES_DIR).toString(), command);
        } catch (Exception e) {
          answer = "error " + e;
        }
        out.println(ANSWER + answer);
      }
    } finally {
      server.stop();
      ctx.close();
    }
  }

  /**
   * The oracle under load: HTTP on loopback at a free port, no schedulers (the load generator ticks
   * entropy and runs the worker), its key in {@code dir}.
   */
  static Map<String, Object> loadProperties(Path dir) {
    Map<String, Object> p = new HashMap<>();
    p.put("micronaut.server.host", "127.0.0.1");
    p.put("micronaut.server.port", "-1");
    p.put("hexproof.oracle.scheduling", "false");
    p.put("hexproof.oracle.key-file", dir.resolve("oracle.key").toString());
    return p;
  }

  private static Map<String, Object> properties(Path dir) {
    Map<String, Object> p = loadProperties(dir);
    // a shared machine under load may take longer than the default 5 s
    p.put("hexproof.database.acquire-timeout", "60s");
    // rounds 6 h apart are queued before the worker runs: with the default 45 min the purger
    // would close still verifiable reports as stale, racing the worker
    p.put("hexproof.oracle.stale-after", "3650d");
    p.put("hexproof.database.data-directory", dir.resolve(POSTGRES_DIR).toString());
    return p;
  }

  private static String answer(
      ApplicationContext ctx, Sql sql, SteppedClock clock, String postgresMarker, String[] c)
      throws Exception {
    switch (c[0]) {
      case "clock":
        clock.set(Instant.parse(c[1]));
        return "ok";
      case "tick":
        ctx.getBean(EntropyService.class).tick();
        return "ok";
      case "history":
        // HIP 106 needs history: every hotspot beaconed and witnessed before the first round
        sql.update(
            "UPDATE poc.hotspot SET last_witness_at = $1, last_beacon_reciprocity_at = $1",
            Rows.bind(Instant.parse(c[1])));
        ctx.getBean(DensityCache.class).invalidate();
        return "ok";
      case "work":
        return "ok " + work(ctx.getBean(PocWorker.class), sql, Integer.parseInt(c[1]));
      case "counts":
        return "ok "
            + count(sql, "SELECT count(*) AS n FROM poc.verdict")
            + " "
            + count(sql, "SELECT count(*) AS n FROM poc.verdict WHERE kind = 'beacon'");
      case "outcomes":
        return "ok " + String.join("\t", outcomes(sql));
      case "statements-reset":
        StatementProfile.reset(sql);
        return "ok";
      case "statements":
        return "ok "
            + String.join(
                "\t", StatementProfile.top(sql, Integer.parseInt(c[1]), Long.parseLong(c[2])));
      case "floor":
        return "ok " + PostgresFloor.measure(sql, postgresMarker, Integer.parseInt(c[1])).text();
      default:
        return "error unknown command " + c[0];
    }
  }

  /** Runs the worker on {@code threads} threads until no beacon is open; returns failures. */
  private static int work(PocWorker worker, Sql sql, int threads) throws Exception {
    int failed = 0;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      while (count(sql, "SELECT count(*) AS n FROM poc.beacon_report WHERE NOT closed") > 0) {
        List<Future<PocWorker.RunSummary>> runs = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
          runs.add(pool.submit(worker::runOnce));
        }
        for (Future<PocWorker.RunSummary> run : runs) {
          failed += run.get().failed();
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return failed;
  }

  private static long count(Sql sql, String query) {
    return sql.queryOne(query, row -> Rows.required(row, "n", Long.class)).orElseThrow();
  }

  private static List<String> outcomes(Sql sql) {
    return sql.query(
        "SELECT kind, verdict, coalesce(reason, '-') AS reason, count(*) AS n FROM poc.verdict"
            + " GROUP BY 1, 2, 3 ORDER BY 1, 4 DESC",
        row ->
            String.format(
                Locale.ROOT,
                "  %-8s %-8s %-28s %,8d",
                row.get("kind", String.class),
                row.get("verdict", String.class),
                row.get("reason", String.class),
                row.get("n", Long.class)));
  }
}
