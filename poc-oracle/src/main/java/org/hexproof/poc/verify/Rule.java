package org.hexproof.poc.verify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One named step of a rule chain over a gathered context {@code C}.
 *
 * @param name the rule's name as package-info lists it
 * @param check returns {@link Rejection#PASS} or the rejection
 */
record Rule<C>(String name, Function<C, Optional<Rejection>> check) {
  Rule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(check, "check");
  }

  static <C> Rule<C> of(String name, Function<C, Optional<Rejection>> check) {
    return new Rule<>(name, check);
  }

  /** Runs the rules in order; the first rejection wins. */
  static <C> Optional<Rejection> firstRejection(List<Rule<C>> rules, C context) {
    for (Rule<C> rule : rules) {
      Optional<Rejection> rejection = rule.check.apply(context);
      if (rejection.isPresent()) {
        return rejection;
      }
    }
    return Rejection.PASS;
  }

  static <C> List<String> names(List<Rule<C>> rules) {
    return rules.stream().map(Rule::name).toList();
  }
}
