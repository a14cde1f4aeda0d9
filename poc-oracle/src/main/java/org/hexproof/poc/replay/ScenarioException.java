package org.hexproof.poc.replay;

/**
 * A scenario file that is not the DESIGN.md format. The message names the JSON path ({@code
 * $.hotspots[1].location}) and says what was expected and what was found.
 */
public final class ScenarioException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String path;

  /**
   * @param path JSON path of the offending value, {@code $} for the document
   * @param problem what was expected and what was found
   */
  public ScenarioException(String path, String problem) {
    super(path + ": " + problem);
    this.path = path;
  }

  /** JSON path of the offending value. */
  public String path() {
    return path;
  }
}
