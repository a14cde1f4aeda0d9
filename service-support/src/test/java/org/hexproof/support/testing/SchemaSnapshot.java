package org.hexproof.support.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hexproof.support.db.Sql;

/**
 * The content of every table of one schema, as a row count and an MD5 over the rows in text form
 * (sorted), for asserting that a refused request stored or changed nothing: take one before, one
 * after, and compare.
 */
public final class SchemaSnapshot {
  private SchemaSnapshot() {}

  /**
   * Table name → {@code "<rows> rows, md5 <hex>"} for every base table of {@code schema}.
   *
   * @param sql a connection to the service's database
   * @param schema e.g. {@code poc}
   */
  public static Map<String, String> of(Sql sql, String schema) {
    Map<String, String> tables = new LinkedHashMap<>();
    for (String table :
        sql.query(
            "SELECT table_name::text AS t FROM information_schema.tables"
                + " WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY 1",
            row -> row.get("t", String.class),
            schema)) {
      String quoted = "\"" + schema + "\".\"" + table.replace("\"", "\"\"") + "\"";
      tables.put(
          table,
          sql.queryOne(
                  "SELECT count(*) AS n, md5(coalesce(string_agg(r::text, E'\\n' ORDER BY"
                      + " r::text), '')) AS h FROM "
                      + quoted
                      + " r",
                  row -> row.get("n", Long.class) + " rows, md5 " + row.get("h", String.class))
              .orElseThrow());
    }
    if (tables.isEmpty()) {
      throw new IllegalStateException("schema " + schema + " has no tables");
    }
    return tables;
  }
}
