package org.hexproof.support.db;

import io.r2dbc.spi.Statement;

/** Positional binding of statement arguments, shared by {@link Sql} and {@link AsyncSql}. */
final class Binding {
  private Binding() {}

  /**
   * Binds {@code args} to {@code $1}, {@code $2}, … in order.
   *
   * @throws NullPointerException for a null argument, naming its placeholder
   */
  static Statement bind(Statement statement, Object... args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i] == null) {
        throw new NullPointerException(
            "argument $" + (i + 1) + " is null; bind a typed null with Parameters.in(Type.class)");
      }
      statement.bind(i, args[i]);
    }
    return statement;
  }
}
