package org.hexproof.bridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class OrderedExecutorTest {
  private final AtomicInteger threadsMade = new AtomicInteger();
  private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
  private final ExecutorService pool =
      Executors.newFixedThreadPool(
          2,
          r -> {
            threadsMade.incrementAndGet();
            Thread t = new Thread(r, "shared");
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
            return t;
          });

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void many_executors_on_two_threads_each_run_their_tasks_in_order_one_at_a_time()
      throws InterruptedException {
    int executors = 200;
    int tasks = 100;
    List<List<Integer>> seen = new ArrayList<>();
    AtomicInteger overlaps = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(executors * tasks);
    List<OrderedExecutor> ordered = new ArrayList<>();
    for (int e = 0; e < executors; e++) {
      ordered.add(new OrderedExecutor(pool));
      seen.add(new ArrayList<>());
    }
    List<AtomicBoolean> running = new ArrayList<>();
    ordered.forEach(o -> running.add(new AtomicBoolean()));

    for (int t = 0; t < tasks; t++) {
      for (int e = 0; e < executors; e++) {
        int task = t;
        int executor = e;
        ordered
            .get(e)
            .execute(
                () -> {
                  if (!running.get(executor).compareAndSet(false, true)) {
                    overlaps.incrementAndGet();
                  }
                  seen.get(executor).add(task); // unsynchronised: only safe one at a time
                  running.get(executor).set(false);
                  done.countDown();
                });
      }
    }

    assertThat(done.await(15, TimeUnit.SECONDS)).isTrue();
    assertThat(overlaps).hasValue(0);
    List<Integer> inOrder = java.util.stream.IntStream.range(0, tasks).boxed().toList();
    for (int e = 0; e < executors; e++) {
      assertThat(seen.get(e)).as("executor %d", e).isEqualTo(inOrder);
    }
    assertThat(threadsMade.get()).isBetween(1, 2);
  }

  @Test
  void a_task_never_runs_inside_the_call_that_submits_it() throws InterruptedException {
    OrderedExecutor ordered = new OrderedExecutor(pool);
    List<String> events = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(1);

    ordered.execute(
        () -> {
          events.add("outer start");
          ordered.execute(
              () -> {
                events.add("inner");
                done.countDown();
              });
          events.add("outer end");
        });
    events.add("submitted from " + Thread.currentThread().getName());

    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(events.subList(events.indexOf("outer start"), events.size()))
        .containsExactly("outer start", "outer end", "inner");
  }

  @Test
  void a_task_that_throws_does_not_stop_the_ones_after_it() throws InterruptedException {
    OrderedExecutor ordered = new OrderedExecutor(pool);
    CountDownLatch after = new CountDownLatch(1);

    ordered.execute(
        () -> {
          throw new IllegalStateException("broken task");
        });
    ordered.execute(after::countDown);

    assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(uncaught).singleElement().hasFieldOrPropertyWithValue("message", "broken task");
  }

  @Test
  void once_closed_it_rejects_new_tasks_and_drops_queued_ones() throws InterruptedException {
    OrderedExecutor ordered = new OrderedExecutor(pool);
    CountDownLatch blocking = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean queuedRan = new AtomicBoolean();
    ordered.execute(
        () -> {
          started.countDown();
          await(blocking);
        });
    ordered.execute(() -> queuedRan.set(true));
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    ordered.close();
    blocking.countDown();

    assertThatThrownBy(() -> ordered.execute(() -> {}))
        .isInstanceOf(RejectedExecutionException.class);
    CountDownLatch marker = new CountDownLatch(1);
    pool.execute(marker::countDown);
    assertThat(marker.await(5, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(50);
    assertThat(queuedRan).isFalse();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
