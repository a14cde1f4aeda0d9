package org.hexproof.bridge.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Serial executors on one shared pool of 4 threads and one timer. */
@Timeout(20)
class SerialExecutorTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final Workers workers = new Workers(pool, timer);

  @AfterEach
  void stop() {
    pool.shutdownNow();
    timer.shutdownNow();
  }

  @Test
  void runs_each_executors_tasks_one_at_a_time_in_submission_order() throws Exception {
    int executors = 8;
    int tasks = 2_000;
    List<SerialExecutor> serials = new ArrayList<>();
    List<List<Integer>> seen = new ArrayList<>();
    AtomicInteger overlaps = new AtomicInteger();
    AtomicInteger[] inside = new AtomicInteger[executors];
    CountDownLatch done = new CountDownLatch(executors * tasks);
    for (int e = 0; e < executors; e++) {
      serials.add(workers.serial("s" + e));
      seen.add(new CopyOnWriteArrayList<>());
      inside[e] = new AtomicInteger();
    }
    for (int i = 0; i < tasks; i++) {
      for (int e = 0; e < executors; e++) {
        int index = i;
        int which = e;
        serials
            .get(e)
            .execute(
                () -> {
                  if (inside[which].incrementAndGet() != 1) {
                    overlaps.incrementAndGet();
                  }
                  seen.get(which).add(index);
                  inside[which].decrementAndGet();
                  done.countDown();
                });
      }
    }
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(overlaps).hasValue(0);
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      expected.add(i);
    }
    seen.forEach(list -> assertThat(list).isEqualTo(expected));
  }

  @Test
  void a_blocked_executor_does_not_hold_up_another_on_the_same_pool() throws Exception {
    SerialExecutor slow = workers.serial("slow");
    SerialExecutor quick = workers.serial("quick");
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch quickRan = new CountDownLatch(1);
    slow.execute(() -> await(release));
    slow.execute(() -> {});
    quick.execute(quickRan::countDown);
    assertThat(quickRan.await(5, TimeUnit.SECONDS)).isTrue();
    release.countDown();
  }

  @Test
  void a_failing_task_is_logged_and_the_next_one_runs() throws Exception {
    SerialExecutor serial = workers.serial("failing");
    CountDownLatch next = new CountDownLatch(1);
    serial.execute(
        () -> {
          throw new IllegalStateException("boom");
        });
    serial.execute(next::countDown);
    assertThat(next.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void close_drops_queued_tasks_refuses_new_ones_and_waits_for_the_running_one() throws Exception {
    SerialExecutor serial = workers.serial("closing");
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger ran = new AtomicInteger();
    serial.execute(
        () -> {
          started.countDown();
          await(release);
          ran.incrementAndGet();
        });
    serial.execute(ran::incrementAndGet);
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    serial.close();
    assertThat(serial.awaitIdle(Duration.ofMillis(50))).as("still running").isFalse();
    release.countDown();
    assertThat(serial.awaitIdle(Duration.ofSeconds(5))).isTrue();
    Thread.sleep(50);
    assertThat(ran).as("the queued task was dropped").hasValue(1);
    assertThatThrownBy(() -> serial.execute(() -> {}))
        .isInstanceOf(RejectedExecutionException.class)
        .hasMessageContaining("closing");
  }

  @Test
  void delayed_tasks_wait_then_run_on_the_pool_not_the_timer_and_close_cancels_them()
      throws Exception {
    SerialExecutor serial = workers.serial("timed");
    List<String> order = new CopyOnWriteArrayList<>();
    List<Thread> ranOn = new CopyOnWriteArrayList<>();
    Thread timerThread = timer.submit(Thread::currentThread).get();
    CountDownLatch two = new CountDownLatch(2);
    long start = System.nanoTime();
    serial.execute(() -> order.add("now"));
    serial.schedule(
        () -> {
          order.add("early");
          ranOn.add(Thread.currentThread());
          two.countDown();
        },
        Duration.ofMillis(20));
    serial.schedule(
        () -> {
          order.add("late");
          ranOn.add(Thread.currentThread());
          two.countDown();
        },
        Duration.ofMillis(300));
    assertThat(two.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(300_000_000L);
    assertThat(order).containsExactly("now", "early", "late");
    assertThat(ranOn).doesNotContain(timerThread);

    AtomicInteger cancelled = new AtomicInteger();
    serial.schedule(cancelled::incrementAndGet, Duration.ofMillis(100));
    serial.close();
    Thread.sleep(250);
    assertThat(cancelled).hasValue(0);
  }

  @Test
  void a_periodic_task_repeats_after_failures_until_close() throws Exception {
    SerialExecutor serial = workers.serial("periodic");
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch five = new CountDownLatch(5);
    serial.scheduleWithFixedDelay(
        () -> {
          runs.incrementAndGet();
          five.countDown();
          throw new IllegalStateException("every run fails");
        },
        Duration.ofMillis(1),
        Duration.ofMillis(10));
    assertThat(five.await(5, TimeUnit.SECONDS)).isTrue();
    serial.close();
    serial.awaitIdle(Duration.ofSeconds(1));
    int atClose = runs.get();
    Thread.sleep(100);
    assertThat(runs.get()).isEqualTo(atClose);
  }

  @Test
  void a_task_never_runs_inside_the_call_that_submits_it() throws Exception {
    SerialExecutor serial = new SerialExecutor("no-timer", pool);
    List<String> events = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(1);

    serial.execute(
        () -> {
          events.add("outer start");
          serial.execute(
              () -> {
                events.add("inner");
                done.countDown();
              });
          events.add("outer end");
        });

    await(done);
    assertThat(events).containsExactly("outer start", "outer end", "inner");
    assertThatThrownBy(() -> serial.schedule(() -> {}, Duration.ofMillis(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("without a timer");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
