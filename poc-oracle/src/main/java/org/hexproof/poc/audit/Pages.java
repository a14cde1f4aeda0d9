package org.hexproof.poc.audit;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hexproof.support.db.Sql;

/** Reads a table in key order, a page at a time, so the audit's memory does not grow with it. */
final class Pages {
  static final int SIZE = 2000;

  private Pages() {}

  /**
   * Runs {@code query} (with {@code $1} the last key seen and {@code $2} the page size, ordered by
   * the key) until a page comes back short.
   */
  static <K, T> void each(
      Sql sql,
      String query,
      K first,
      Sql.RowMapper<T> mapper,
      Function<T, K> key,
      Consumer<T> consumer) {
    K after = first;
    while (true) {
      List<T> page = sql.query(query, mapper, after, SIZE);
      page.forEach(consumer);
      if (page.size() < SIZE) {
        return;
      }
      after = key.apply(page.get(page.size() - 1));
    }
  }
}
