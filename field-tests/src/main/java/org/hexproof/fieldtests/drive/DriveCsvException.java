package org.hexproof.fieldtests.drive;

/**
 * A drive-test file that does not follow docs/drive-test-csv.md. The message is one line: {@code
 * FILE:LINE: column N (name): expected …, got "…"} (no column part for errors of a whole line).
 */
public final class DriveCsvException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;

  DriveCsvException(String file, int line, int column, String problem) {
    super(
        file
            + ":"
            + line
            + ": "
            + (column > 0 ? "column " + column + " (" + DriveCsv.COLUMNS[column - 1] + "): " : "")
            + problem);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  /** The file name as given to the parser. */
  public String file() {
    return file;
  }

  /** The 1-based line number. */
  public int line() {
    return line;
  }

  /** The 1-based column number, or 0 when the whole line is wrong. */
  public int column() {
    return column;
  }
}
