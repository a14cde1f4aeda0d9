package org.hexproof.support.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanPreDestroyEvent;
import io.micronaut.context.event.BeanPreDestroyEventListener;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DatabaseLifecycleIT {
  private static final String SPEC = "DatabaseLifecycleIT";

  @Test
  void poolIsDisposedBeforeTheEmbeddedServerStops() {
    ConnectionPool pool;
    List<String> order;
    try (ApplicationContext context = ApplicationContext.run(Map.of("spec.name", SPEC))) {
      pool = (ConnectionPool) context.getBean(ConnectionFactory.class);
      assertThat(context.containsBean(EmbeddedDatabase.class)).isTrue();
      order = context.getBean(DestroyOrder.class).order;
    }

    assertThat(order).containsExactly("pool", "embedded");
    assertThat(pool.isDisposed()).isTrue();
  }

  @Singleton
  @Requires(property = "spec.name", value = SPEC)
  static final class DestroyOrder {
    final List<String> order = new CopyOnWriteArrayList<>();
  }

  @Singleton
  @Requires(property = "spec.name", value = SPEC)
  static final class PoolListener implements BeanPreDestroyEventListener<ConnectionPool> {
    private final DestroyOrder destroyOrder;

    PoolListener(DestroyOrder destroyOrder) {
      this.destroyOrder = destroyOrder;
    }

    @Override
    public ConnectionPool onPreDestroy(BeanPreDestroyEvent<ConnectionPool> event) {
      destroyOrder.order.add("pool");
      return event.getBean();
    }
  }

  @Singleton
  @Requires(property = "spec.name", value = SPEC)
  static final class EmbeddedListener implements BeanPreDestroyEventListener<EmbeddedDatabase> {
    private final DestroyOrder destroyOrder;

    EmbeddedListener(DestroyOrder destroyOrder) {
      this.destroyOrder = destroyOrder;
    }

    @Override
    public EmbeddedDatabase onPreDestroy(BeanPreDestroyEvent<EmbeddedDatabase> event) {
      destroyOrder.order.add("embedded");
      return event.getBean();
    }
  }
}
