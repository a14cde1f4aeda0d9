package org.hexproof.support.db;

import io.micronaut.core.annotation.Nullable;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed PostgreSQL location. Accepts {@code r2dbc:postgresql://user:password@host:port/db},
 * {@code r2dbc:pool:postgresql://…} (the pool prefix is ignored: pooling is always on), {@code
 * postgres://…} and {@code postgresql://…} (the form hosting platforms put in {@code
 * DATABASE_URL}). User and password may be percent-encoded; the port defaults to 5432; query
 * parameters ({@code ?sslmode=require}) are passed to r2dbc-postgresql as driver options.
 *
 * <p>{@link #toString()} and every error message hide the password.
 *
 * @param host host name or IP address (IPv6 without brackets)
 * @param port TCP port
 * @param database database name
 * @param user user name
 * @param password password, or null when the server trusts the user
 * @param options extra r2dbc-postgresql options from the query string
 */
public record DatabaseUrl(
    String host,
    int port,
    String database,
    String user,
    @Nullable String password,
    Map<String, String> options) {

  /** PostgreSQL's default port. */
  public static final int DEFAULT_PORT = 5432;

  private static final String EXPECTED =
      "expected r2dbc:postgresql://user:password@host:port/database"
          + " or postgres://user:password@host:port/database";

  /**
   * Validates the parts.
   *
   * @param host host name or IP address
   * @param port TCP port
   * @param database database name
   * @param user user name
   * @param password password or null
   * @param options driver options
   */
  public DatabaseUrl {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(user, "user");
    if (host.isBlank() || database.isBlank() || user.isBlank()) {
      throw new IllegalArgumentException("database URL: host, database and user must not be blank");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("database URL: port must be 1..65535, got " + port);
    }
    options = Map.copyOf(options);
  }

  /**
   * Picks the URL in use: the configured one, else the environment's; blank counts as absent.
   *
   * @param configured {@code hexproof.database.url}
   * @param environment {@code DATABASE_URL}
   * @return the parsed URL, or empty when neither is set (embedded server)
   * @throws IllegalArgumentException when the chosen URL is malformed
   */
  public static Optional<DatabaseUrl> resolve(
      Optional<String> configured, Optional<String> environment) {
    return configured
        .filter(s -> !s.isBlank())
        .or(() -> environment.filter(s -> !s.isBlank()))
        .map(DatabaseUrl::parse);
  }

  /**
   * Parses one URL.
   *
   * @param url the URL text
   * @return the parsed location
   * @throws IllegalArgumentException naming what was expected and what arrived (password hidden)
   */
  public static DatabaseUrl parse(String url) {
    Objects.requireNonNull(url, "url");
    String text = url.strip();
    String rest = stripScheme(text);
    if (rest == null) {
      throw bad(text, "unsupported scheme");
    }
    String query = "";
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    int slash = rest.indexOf('/');
    if (slash < 0) {
      throw bad(text, "no database name");
    }
    String authority = rest.substring(0, slash);
    String rawDatabase = rest.substring(slash + 1);
    if (rawDatabase.isEmpty() || rawDatabase.contains("/")) {
      throw bad(text, "no database name, or a path with more than one segment");
    }
    String database = decode(text, rawDatabase);
    int at = authority.lastIndexOf('@');
    if (at < 0) {
      throw bad(text, "no user");
    }
    String userInfo = authority.substring(0, at);
    String hostPort = authority.substring(at + 1);
    int colon = userInfo.indexOf(':');
    String user = decode(text, colon < 0 ? userInfo : userInfo.substring(0, colon));
    String password = colon < 0 ? null : decode(text, userInfo.substring(colon + 1));
    if (user.isEmpty()) {
      throw bad(text, "no user");
    }
    String host;
    String portText = null;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0) {
        throw bad(text, "unclosed IPv6 address");
      }
      host = hostPort.substring(1, close);
      String after = hostPort.substring(close + 1);
      if (after.startsWith(":")) {
        portText = after.substring(1);
      } else if (!after.isEmpty()) {
        throw bad(text, "unexpected text after the IPv6 address");
      }
    } else {
      int c = hostPort.indexOf(':');
      host = c < 0 ? hostPort : hostPort.substring(0, c);
      portText = c < 0 ? null : hostPort.substring(c + 1);
    }
    if (host.isEmpty()) {
      throw bad(text, "no host");
    }
    int port = DEFAULT_PORT;
    if (portText != null) {
      try {
        port = Integer.parseInt(portText);
      } catch (NumberFormatException e) {
        throw bad(text, "port is not a number");
      }
      if (port < 1 || port > 65_535) {
        throw bad(text, "port must be 1..65535");
      }
    }
    Map<String, String> options = new LinkedHashMap<>();
    if (!query.isEmpty()) {
      for (String pair : query.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          throw bad(text, "query parameter without a value: " + pair);
        }
        options.put(decode(text, pair.substring(0, eq)), decode(text, pair.substring(eq + 1)));
      }
    }
    return new DatabaseUrl(host, port, database, user, password, options);
  }

  /**
   * Options for r2dbc-postgresql's connection factory provider.
   *
   * @return driver, host, port, database, user, password and the query options
   */
  public ConnectionFactoryOptions toOptions() {
    ConnectionFactoryOptions.Builder builder =
        ConnectionFactoryOptions.builder()
            .option(ConnectionFactoryOptions.DRIVER, "postgresql")
            .option(ConnectionFactoryOptions.HOST, host)
            .option(ConnectionFactoryOptions.PORT, port)
            .option(ConnectionFactoryOptions.DATABASE, database)
            .option(ConnectionFactoryOptions.USER, user);
    if (password != null) {
      builder.option(ConnectionFactoryOptions.PASSWORD, password);
    }
    options.forEach((key, value) -> builder.option(Option.<String>valueOf(key), value));
    return builder.build();
  }

  /**
   * The location as an r2dbc URL without the password, for logs and messages.
   *
   * @return {@code r2dbc:postgresql://user@host:port/database}
   */
  public String redacted() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "r2dbc:postgresql://"
        + user
        + (password == null ? "" : ":***")
        + "@"
        + h
        + ":"
        + port
        + "/"
        + database;
  }

  @Override
  public String toString() {
    return redacted();
  }

  private static @Nullable String stripScheme(String text) {
    for (String scheme :
        new String[] {
          "r2dbc:pool:postgresql://", "r2dbc:postgresql://", "postgresql://", "postgres://"
        }) {
      if (text.regionMatches(true, 0, scheme, 0, scheme.length())) {
        return text.substring(scheme.length());
      }
    }
    return null;
  }

  private static IllegalArgumentException bad(String text, String reason) {
    String shown = text;
    int start = text.indexOf("://");
    int at = text.lastIndexOf('@');
    if (start >= 0 && at > start) {
      int colon = text.indexOf(':', start + 3);
      if (colon >= 0 && colon < at) {
        shown = text.substring(0, colon + 1) + "***" + text.substring(at);
      }
    }
    return new IllegalArgumentException(
        "database URL: " + EXPECTED + ", got '" + shown + "' (" + reason + ")");
  }

  /** Percent-decoding without the form encoding's '+' → space rule, which URLs don't have. */
  private static String decode(String text, String part) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(part.length());
    int i = 0;
    while (i < part.length()) {
      int percent = part.indexOf('%', i);
      int end = percent < 0 ? part.length() : percent;
      byte[] literal = part.substring(i, end).getBytes(StandardCharsets.UTF_8);
      out.write(literal, 0, literal.length);
      if (percent < 0) {
        break;
      }
      if (percent + 2 >= part.length()) {
        throw bad(text, "truncated percent escape");
      }
      int hi = Character.digit(part.charAt(percent + 1), 16);
      int lo = Character.digit(part.charAt(percent + 2), 16);
      if (hi < 0 || lo < 0) {
        throw bad(text, "bad percent escape");
      }
      out.write(hi * 16 + lo);
      i = percent + 3;
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
