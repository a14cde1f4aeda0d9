package org.hexproof.support.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned SQL file, {@code V<n>__<description>.sql}.
 *
 * @param version n, from 1
 * @param description the name part after {@code __}, underscores shown as spaces
 * @param fileName the file name, e.g. {@code V2__add_witness_index.sql}
 * @param sql the file's text (UTF-8)
 * @param checksum lower-case hex SHA-256 of the file's bytes
 */
public record MigrationScript(
    int version, String description, String fileName, String sql, String checksum) {

  private static final Pattern NAME = Pattern.compile("V([1-9][0-9]{0,8})__([A-Za-z0-9_-]+)\\.sql");

  /**
   * Validates.
   *
   * @param version n
   * @param description description
   * @param fileName file name
   * @param sql text
   * @param checksum SHA-256 hex
   */
  public MigrationScript {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(checksum, "checksum");
    if (version < 1) {
      throw new IllegalArgumentException("version must be ≥1, got " + version);
    }
  }

  /**
   * Builds a script from a file name and its content.
   *
   * @param fileName {@code V<n>__<description>.sql}
   * @param content the file's bytes
   * @return the script
   * @throws MigrationException when the name doesn't follow the pattern
   */
  public static MigrationScript of(String fileName, byte[] content) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      throw new MigrationException(
          "migration file name "
              + fileName
              + ": expected V<n>__<description>.sql (n from 1 without leading zeros,"
              + " description of letters, digits, '_' and '-')");
    }
    return new MigrationScript(
        Integer.parseInt(m.group(1)),
        m.group(2).replace('_', ' '),
        fileName,
        new String(content, StandardCharsets.UTF_8),
        sha256(content));
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
