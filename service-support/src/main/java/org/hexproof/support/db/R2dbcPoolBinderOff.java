package org.hexproof.support.db;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import java.util.Map;

/**
 * Turns off micronaut-micrometer's r2dbc pool meter binder in every context that has
 * service-support on its class path. That binder is created for each {@code ConnectionFactory} bean
 * as soon as metrics start: it would create the lazy pool (and start the embedded PostgreSQL) even
 * in a context that uses no database, such as the gateway's, and it needs a named pool bean. The
 * services report their own database-backed meters instead.
 */
@ContextConfigurer
public final class R2dbcPoolBinderOff implements ApplicationContextConfigurer {
  /** The property that turns the binder off. */
  static final String PROPERTY = "micronaut.metrics.binders.r2dbc.enabled";

  /** Service-loaded. */
  public R2dbcPoolBinderOff() {}

  @Override
  public void configure(ApplicationContextBuilder builder) {
    builder.properties(Map.of(PROPERTY, false));
  }
}
