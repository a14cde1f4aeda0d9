package org.hexproof.coverage.app;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import java.util.Map;

/**
 * Turns off Micrometer's r2dbc pool binder in every context of a process that has coverage-map on
 * its class path (the launcher jar, for all its services).
 *
 * <p>Why: that binder is an {@code @EachBean(ConnectionFactory)} expecting micronaut-r2dbc's
 * <em>named</em> factories; service-support's pool is unnamed, so with metrics on the binder fails
 * ("Missing bean argument value: dataSourceName") or, depending on bean order, creates the pool and
 * so starts an embedded PostgreSQL in a process that has no use for one ({@code hexproof gateway}).
 * A per-environment YAML key cannot reach the other services' environments, hence a configurer. The
 * natural home is service-support (it brings the pool); move it there when that module is next
 * changed.
 */
@ContextConfigurer
public final class R2dbcMetricsBinderOff implements ApplicationContextConfigurer {

  /** The property Micrometer's binder factory requires to be unset or true. */
  static final String PROPERTY = "micronaut.metrics.binders.r2dbc.enabled";

  /** Used by the service loader. */
  public R2dbcMetricsBinderOff() {}

  @Override
  public void configure(ApplicationContextBuilder builder) {
    builder.properties(Map.of(PROPERTY, false));
  }
}
