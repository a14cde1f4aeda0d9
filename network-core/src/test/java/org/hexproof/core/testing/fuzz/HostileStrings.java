package org.hexproof.core.testing.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Injection-shaped strings for the HTTP matrices: SQL, a NUL, path traversal, markup, a template
 * lookup, 10 kB of text and bytes that are not UTF-8. Each comes ready for a URL path segment or a
 * query value (percent-encoded) and, where it makes sense, raw for a body.
 */
public final class HostileStrings {
  /** The 10 kB string: longer than any id, key or number a service accepts. */
  public static final String TEN_KB = "A".repeat(10_240);

  private HostileStrings() {}

  /**
   * One hostile value.
   *
   * @param label what it is, for test names
   * @param raw the string itself
   * @param encoded the percent-encoded form for a path segment or query value
   */
  public record Hostile(String label, String raw, String encoded) {
    @Override
    public String toString() {
      return label;
    }
  }

  /** Every hostile value. */
  public static List<Hostile> all() {
    return List.of(
        plain("sql", "' OR 1=1 --"),
        plain("sql-union", "1 UNION SELECT * FROM pg_catalog.pg_user"),
        plain("sql-drop", "1; DROP TABLE x; --"),
        new Hostile("nul", "a\0b", "a%00b"),
        new Hostile("percent-00", "%00", "%2500"),
        plain("traversal", "../../etc/passwd"),
        plain("markup", "<script>alert(1)</script>"),
        plain("template", "${jndi:ldap://127.0.0.1/x}"),
        plain("negative", "-1"),
        plain("huge-number", "99999999999999999999999999"),
        plain("ten-kb", TEN_KB),
        new Hostile("not-utf8", "\uFFFD\uFFFD", "%FF%FE%C3"),
        plain("unicode", "\u202Eevil\uD83D\uDE00"));
  }

  private static Hostile plain(String label, String raw) {
    return new Hostile(
        label, raw, URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20"));
  }
}
