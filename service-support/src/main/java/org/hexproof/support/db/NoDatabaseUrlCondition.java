package org.hexproof.support.db;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import java.util.Optional;

/**
 * Matches when neither {@code hexproof.database.url} nor {@code DATABASE_URL} is set: the case in
 * which {@link DatabaseFactory} starts an {@link EmbeddedDatabase}.
 */
public final class NoDatabaseUrlCondition implements Condition {

  /** Used by the bean context. */
  public NoDatabaseUrlCondition() {}

  @Override
  @SuppressWarnings("rawtypes") // Condition's signature uses the raw type
  public boolean matches(ConditionContext context) {
    Optional<String> configured = context.getProperty("hexproof.database.url", String.class);
    boolean hasConfigured = configured.filter(s -> !s.isBlank()).isPresent();
    String environment = System.getenv(DatabaseConfig.DATABASE_URL_ENV);
    boolean hasEnvironment = environment != null && !environment.isBlank();
    return !hasConfigured && !hasEnvironment;
  }
}
