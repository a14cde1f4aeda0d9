package org.hexproof.fieldtests.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hexproof.bridge.radio.LinkDownException;
import org.hexproof.bridge.serial.LineChannel;
import org.hexproof.bridge.serial.LineReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Tag("fleet")
@Timeout(30)
class InProcessLinkTest {
  private final AtomicInteger threadsMade = new AtomicInteger();
  private final ExecutorService pool =
      Executors.newFixedThreadPool(
          2,
          r -> {
            threadsMade.incrementAndGet();
            Thread t = new Thread(r, "links");
            t.setDaemon(true);
            return t;
          });

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  /** Records lines with the thread each arrived on; counts down once per line. */
  private static final class Recorder implements LineReceiver {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<Thread> threads = new CopyOnWriteArrayList<>();
    final CountDownLatch expected;

    Recorder(int count) {
      expected = new CountDownLatch(count);
    }

    @Override
    public void onLine(String line) {
      lines.add(line);
      threads.add(Thread.currentThread());
      expected.countDown();
    }

    @Override
    public void onLinkDown(LinkDownException cause) {}
  }

  @Test
  void many_links_on_two_shared_threads_deliver_each_direction_in_order() throws Exception {
    int links = 500;
    int lines = 40;
    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    List<Recorder> atModule = new ArrayList<>();
    List<Recorder> atHost = new ArrayList<>();
    List<LineChannel> hosts = new ArrayList<>();
    List<LineChannel> modules = new ArrayList<>();
    for (int i = 0; i < links; i++) {
      InProcessLink link = new InProcessLink("l" + i, pool);
      atModule.add(new Recorder(lines));
      atHost.add(new Recorder(lines));
      modules.add(link.moduleEnd().open(atModule.get(i)));
      hosts.add(link.hostEnd().open(atHost.get(i)));
    }

    for (int n = 0; n < lines; n++) {
      for (int i = 0; i < links; i++) {
        hosts.get(i).writeLine("cmd " + i + " " + n);
        modules.get(i).writeLine("evt " + i + " " + n);
      }
    }
    int threadsDuring = ManagementFactory.getThreadMXBean().getThreadCount() - threadsBefore;

    for (int i = 0; i < links; i++) {
      assertThat(atModule.get(i).expected.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(atHost.get(i).expected.await(10, TimeUnit.SECONDS)).isTrue();
      List<String> commands = new ArrayList<>();
      List<String> events = new ArrayList<>();
      for (int n = 0; n < lines; n++) {
        commands.add("cmd " + i + " " + n);
        events.add("evt " + i + " " + n);
      }
      assertThat(atModule.get(i).lines).isEqualTo(commands);
      assertThat(atHost.get(i).lines).isEqualTo(events);
      assertThat(atModule.get(i).threads).doesNotContain(Thread.currentThread());
    }
    // two delivery threads for 500 links, where a thread per direction would have made 1,000
    assertThat(threadsMade.get()).isBetween(1, 2);
    assertThat(threadsDuring).isLessThan(10);
  }

  @Test
  void a_receiver_runs_after_the_write_returns_even_when_it_writes_back() throws Exception {
    InProcessLink link = new InProcessLink("echo", pool);
    List<String> events = new CopyOnWriteArrayList<>();
    CountDownLatch hostReturned = new CountDownLatch(1);
    CountDownLatch moduleReturned = new CountDownLatch(1);
    CountDownLatch replied = new CountDownLatch(1);
    LineChannel[] module = new LineChannel[1];
    module[0] =
        link.moduleEnd()
            .open(
                new LineReceiver() {
                  @Override
                  public void onLine(String line) {
                    // inside the host's writeLine this would wait in vain: it returns only after
                    events.add(awaited(hostReturned) ? "module got " + line : "module ran inside");
                    module[0].writeLine("re " + line);
                    moduleReturned.countDown();
                  }

                  @Override
                  public void onLinkDown(LinkDownException cause) {}
                });
    LineChannel host =
        link.hostEnd()
            .open(
                new LineReceiver() {
                  @Override
                  public void onLine(String line) {
                    events.add(awaited(moduleReturned) ? "host got " + line : "host ran inside");
                    replied.countDown();
                  }

                  @Override
                  public void onLinkDown(LinkDownException cause) {}
                });

    host.writeLine("AT");
    hostReturned.countDown();

    assertThat(replied.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(events).containsExactly("module got AT", "host got re AT");
  }

  private static boolean awaited(CountDownLatch latch) {
    try {
      return latch.await(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void a_closed_link_loses_lines_and_refuses_writes_on_a_closed_channel() throws Exception {
    InProcessLink link = new InProcessLink("closing", pool);
    Recorder module = new Recorder(1);
    link.moduleEnd().open(module);
    LineChannel host = link.hostEnd().open(new Recorder(0));

    link.close();
    host.writeLine("lost");
    host.close();

    assertThat(module.expected.await(200, TimeUnit.MILLISECONDS)).isFalse();
    assertThat(module.lines).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> host.writeLine("x"))
        .isInstanceOf(LinkDownException.class);
  }
}
