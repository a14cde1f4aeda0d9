package org.hexproof.rewards.app;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import java.util.Map;

/**
 * Turns off micronaut-micrometer's r2dbc pool meter binder in every context of a process that has
 * rewards (and so service-support) on its class path. That binder is created for each {@code
 * ConnectionFactory} bean and needs the bean's name, and service-support's pool bean has none: with
 * the binder on, any context with metrics (the gateway's too, in the launcher jar) fails to start,
 * and would connect to a database it does not use. The proper fix belongs in service-support
 * (naming the pool bean); this is the workaround until then.
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
