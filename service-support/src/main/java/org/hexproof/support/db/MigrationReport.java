package org.hexproof.support.db;

import java.util.List;

/**
 * What one {@link Migrations#apply} run did.
 *
 * @param schema the schema
 * @param applied versions this run applied, ascending; empty when the schema was up to date
 * @param currentVersion highest version recorded in {@code <schema>.schema_history} afterwards
 */
public record MigrationReport(String schema, List<Integer> applied, int currentVersion) {

  /**
   * Copies the list.
   *
   * @param schema the schema
   * @param applied applied versions
   * @param currentVersion highest recorded version
   */
  public MigrationReport {
    applied = List.copyOf(applied);
  }
}
