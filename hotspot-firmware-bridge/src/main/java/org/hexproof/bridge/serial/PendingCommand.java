package org.hexproof.bridge.serial;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** The command waiting for its reply. Fields are guarded by its {@link SerialLine}'s state lock. */
final class PendingCommand {
  final String command;
  final Predicate<String> isFinal;
  final List<String> lines = new ArrayList<>();
  final CompletableFuture<List<String>> result = new CompletableFuture<>();
  boolean echoSeen;

  PendingCommand(String command, Predicate<String> isFinal) {
    this.command = command;
    this.isFinal = isFinal;
  }

  /** Takes {@code text} into the reply unless it is unsolicited; true when taken. */
  boolean offer(String text, Predicate<String> unsolicited) {
    if (!echoSeen && lines.isEmpty() && text.equals(command)) {
      echoSeen = true; // ATE1 / ESP-AT default echo
      return true;
    }
    if (isFinal.test(text)) {
      lines.add(text);
      result.complete(List.copyOf(lines));
      return true;
    }
    if (unsolicited.test(text)) {
      return false;
    }
    lines.add(text);
    return true;
  }
}
