package org.hexproof.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line with captured streams. */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Hexproof.run(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }

  /** The error output has exactly one line. */
  boolean errIsOneLine() {
    return err.strip().lines().count() == 1;
  }
}
