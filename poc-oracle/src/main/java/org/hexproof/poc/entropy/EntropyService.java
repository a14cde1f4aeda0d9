package org.hexproof.poc.entropy;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.core.report.SignedMessages;
import org.hexproof.support.db.Sql;

/**
 * Generates, signs and stores the oracle's entropy ({@code poc.entropy}). {@link #tick()} makes one
 * value; the scheduler calls it every interval, tests call it directly. Only version 0 is produced.
 */
public final class EntropyService {
  /** The entropy version this oracle produces. */
  public static final int VERSION = 0;

  private final Sql sql;
  private final Ed25519KeyPair oracleKey;
  private final Clock clock;
  private final SecureRandom random;

  /**
   * @param sql the database
   * @param oracleKey signs every value
   * @param clock the timestamp source
   * @param random the randomness source
   */
  public EntropyService(Sql sql, Ed25519KeyPair oracleKey, Clock clock, SecureRandom random) {
    this.sql = Objects.requireNonNull(sql, "sql");
    this.oracleKey = Objects.requireNonNull(oracleKey, "oracleKey");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Generates the next value, timestamped with the clock's current second, and stores it.
   *
   * @return the signed report
   */
  public EntropyReport tick() {
    long timestamp = clock.instant().getEpochSecond();
    return sql.inTransaction(
        tx -> {
          // one generator at a time: the chain stays linear with several oracle processes
          tx.update("SELECT pg_advisory_xact_lock(hashtext('poc.entropy'))");
          byte[] previous =
              tx.queryOne(
                      "SELECT data FROM poc.entropy ORDER BY id DESC LIMIT 1",
                      row -> row.get("data", byte[].class))
                  .orElse(new byte[0]);
          byte[] fresh = new byte[EntropyChain.RANDOM_BYTES];
          random.nextBytes(fresh);
          byte[] data = EntropyChain.next(previous, fresh, timestamp);
          EntropyReport report =
              SignedMessages.sign(
                  EntropyReport.newBuilder()
                      .setData(ByteString.copyFrom(data))
                      .setTimestampS(timestamp)
                      .setVersion(VERSION)
                      .build(),
                  oracleKey);
          tx.update(
              "INSERT INTO poc.entropy (data, timestamp_s, version, signed_report)"
                  + " VALUES ($1, $2, $3, $4)",
              data,
              timestamp,
              VERSION,
              report.toByteArray());
          return report;
        });
  }

  /** The latest value, signed; empty before the first tick. */
  public Optional<EntropyReport> latest() {
    return sql.queryOne(
            "SELECT signed_report FROM poc.entropy ORDER BY id DESC LIMIT 1",
            row -> row.get("signed_report", byte[].class))
        .map(EntropyService::parse);
  }

  private static EntropyReport parse(byte[] stored) {
    try {
      return EntropyReport.parseFrom(stored);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("poc.entropy holds an unparseable report", e);
    }
  }
}
