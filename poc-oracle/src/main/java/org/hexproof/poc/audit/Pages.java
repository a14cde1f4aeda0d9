package org.hexproof.poc.audit;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hexproof.support.db.Sql;

/** Reads a table in key order, a page at a time, so the audit's memory does not grow with it. */
final class Pages {
  /**
   * Names every sealed row that was not seen in its table.
   *
   * @param table the table
   * @param sealOf the seal of each sealed row, by key
   * @param seen the keys found in the table
   * @param findings where to add one {@code row} finding per missing row
   */
  static <K extends Comparable<K>> void deleted(
      String table, Map<K, Long> sealOf, Set<K> seen, List<AuditFinding> findings) {
    sealOf.keySet().stream()
        .filter(k -> !seen.contains(k))
        .sorted()
        .forEach(
            k ->
                findings.add(
                    new AuditFinding(
                        table,
                        String.valueOf(k),
                        "row",
                        "sealed in seal " + sealOf.get(k) + ", row deleted")));
  }

  static final int SIZE = 2000;

  private Pages() {}

  /**
   * Runs {@code query} (with {@code $1} the last key seen and {@code $2} the page size, ordered by
   * the key) until a page comes back short.
   *
   * @return the keys of every row seen
   */
  static <K, T> Set<K> each(
      Sql sql,
      String query,
      K first,
      Sql.RowMapper<T> mapper,
      Function<T, K> key,
      Consumer<T> consumer) {
    K after = first;
    Set<K> seen = new HashSet<>();
    while (true) {
      List<T> page = sql.query(query, mapper, after, SIZE);
      page.forEach(row -> seen.add(key.apply(row)));
      page.forEach(consumer);
      if (page.size() < SIZE) {
        return seen;
      }
      after = key.apply(page.get(page.size() - 1));
    }
  }
}
