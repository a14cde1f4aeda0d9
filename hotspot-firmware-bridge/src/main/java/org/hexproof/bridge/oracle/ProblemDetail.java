package org.hexproof.bridge.oracle;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the human-readable part of an RFC 9457 problem JSON without a JSON library: {@code detail},
 * else {@code title}, else the body itself, shortened. Escapes other than {@code \"} and {@code \\}
 * are left as they are; the text is only shown to operators.
 */
final class ProblemDetail {
  private static final int MAX_CHARS = 200;

  private ProblemDetail() {}

  static String of(String body) {
    for (String field : new String[] {"detail", "title"}) {
      Matcher m =
          Pattern.compile("\"" + field + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(body);
      if (m.find()) {
        return shorten(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
      }
    }
    return shorten(body.strip());
  }

  private static String shorten(String text) {
    return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "…";
  }
}
