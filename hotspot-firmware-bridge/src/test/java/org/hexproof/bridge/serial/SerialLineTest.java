package org.hexproof.bridge.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.hexproof.bridge.radio.CommandTimeoutException;
import org.hexproof.bridge.radio.LinkDownException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class SerialLineTest {
  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
  private static final Predicate<String> FINAL = s -> s.equals("OK") || s.startsWith("AT_");
  private static final Duration SHORT = Duration.ofMillis(200);

  private final FakeLink link = new FakeLink();
  private final List<LineEvent> events = new CopyOnWriteArrayList<>();
  private SerialLine line;

  private SerialLine start(SerialLineOptions options) {
    line =
        new SerialLine(
            link,
            new LineDialect("test", s -> s.startsWith("+EVT:"), "AT", FINAL),
            options,
            Clock.fixed(NOW, ZoneOffset.UTC));
    line.setListener(events::add);
    line.start();
    return line;
  }

  private SerialLine start() {
    return start(
        SerialLineOptions.defaults()
            .withPingInterval(Duration.ZERO)
            .withBackoff(Duration.ofMillis(20), Duration.ofMillis(80)));
  }

  @AfterEach
  void close() {
    if (line != null) {
      line.close();
    }
  }

  @Test
  void returns_the_reply_up_to_the_final_line_without_blanks_or_echo() {
    link.responder = cmd -> List.of(cmd, "AT+NWM=0", "", "OK");
    assertThat(start().command("AT+NWM=?", FINAL, SHORT)).containsExactly("AT+NWM=0", "OK");
    assertThat(link.written).containsExactly("AT+NWM=?");
  }

  @Test
  void routes_an_unsolicited_line_in_the_middle_of_a_command_to_the_listener() {
    link.responder = cmd -> List.of("AT+P2P=868000000:7:125:0:8:14", "+EVT:RXP2P:-30:6:AB", "OK");
    List<String> reply = start().command("AT+P2P=?", FINAL, SHORT);
    assertThat(reply).containsExactly("AT+P2P=868000000:7:125:0:8:14", "OK");
    await(() -> events.size() == 1);
    assertThat(events).containsExactly(new LineEvent("+EVT:RXP2P:-30:6:AB", NOW));
  }

  @Test
  void delivers_lines_outside_any_command_to_the_listener_stamped_by_the_clock() {
    start();
    link.push("+EVT:TXP2P DONE");
    link.push("");
    link.push("stray");
    await(() -> events.size() == 2);
    assertThat(events)
        .containsExactly(new LineEvent("+EVT:TXP2P DONE", NOW), new LineEvent("stray", NOW));
  }

  @Test
  void a_final_predicate_may_claim_a_line_that_is_otherwise_unsolicited() {
    link.responder = cmd -> List.of("OK", "+EVT:TXP2P DONE");
    assertThat(start().command("AT+PSEND=AB", "+EVT:TXP2P DONE"::equals, SHORT))
        .containsExactly("OK", "+EVT:TXP2P DONE");
    assertThat(events).isEmpty();
  }

  @Test
  void times_out_when_the_final_line_never_comes_and_keeps_what_arrived() {
    link.responder = cmd -> List.of("AT+NWM=0");
    assertThatThrownBy(() -> start().command("AT+NWM=?", FINAL, Duration.ofMillis(100)))
        .isInstanceOfSatisfying(
            CommandTimeoutException.class,
            e -> assertThat(e.partialReply()).containsExactly("AT+NWM=0"))
        .hasMessageContaining("AT+NWM=?")
        .hasMessageContaining("100 ms");
  }

  @Test
  void a_late_reply_after_a_timeout_goes_to_the_listener_not_the_next_command() {
    start();
    assertThatThrownBy(() -> line.command("AT", FINAL, Duration.ofMillis(50)))
        .isInstanceOf(CommandTimeoutException.class);
    link.push("late");
    link.responder = cmd -> List.of("OK");
    assertThat(line.command("AT", FINAL, SHORT)).containsExactly("OK");
    await(() -> events.size() == 1);
    assertThat(events.get(0).text()).isEqualTo("late");
  }

  @Test
  void a_write_failure_throws_link_down_then_reopens_with_backoff_and_runs_the_hook()
      throws InterruptedException {
    CountDownLatch hookRan = new CountDownLatch(1);
    start().setReconnectHook(hookRan::countDown);
    link.failWrites = true;
    link.failOpens = true;
    assertThatThrownBy(() -> line.command("AT", FINAL, SHORT))
        .isInstanceOf(LinkDownException.class)
        .hasMessageContaining("Input/output error");
    assertThat(line.isUp()).isFalse();
    assertThatThrownBy(() -> line.command("AT", FINAL, SHORT))
        .isInstanceOf(LinkDownException.class)
        .hasMessageContaining("link down");
    Thread.sleep(150); // 20 + 40 + 80 ms of failed reopens
    link.failWrites = false;
    link.failOpens = false;
    assertThat(hookRan.await(2, TimeUnit.SECONDS)).isTrue();
    assertThat(line.isUp()).isTrue();
    link.responder = cmd -> List.of("OK");
    assertThat(line.command("AT", FINAL, SHORT)).containsExactly("OK");
    assertThat(link.opens.get()).isEqualTo(2);
  }

  @Test
  void a_read_failure_fails_the_outstanding_command_with_link_down() {
    link.responder =
        cmd -> {
          link.breakRead();
          return List.of();
        };
    assertThatThrownBy(() -> start().command("AT", FINAL, SHORT))
        .isInstanceOf(LinkDownException.class)
        .hasMessageContaining("read failed");
  }

  @Test
  void pings_an_idle_link_and_reopens_it_when_the_ping_goes_unanswered() {
    start(
        new SerialLineOptions(
            Duration.ofMillis(40),
            Duration.ofMillis(60),
            Duration.ofMillis(10),
            Duration.ofMillis(10)));
    await(() -> link.written.contains("AT"));
    await(() -> link.opens.get() >= 2);
  }

  @Test
  void a_answered_ping_keeps_the_link() throws InterruptedException {
    link.responder = cmd -> List.of("OK");
    start(
        new SerialLineOptions(
            Duration.ofMillis(30),
            Duration.ofMillis(100),
            Duration.ofMillis(10),
            Duration.ofMillis(10)));
    Thread.sleep(200);
    assertThat(link.written).contains("AT");
    assertThat(link.opens.get()).isEqualTo(1);
  }

  @Test
  void refuses_commands_after_close() {
    start().close();
    assertThatThrownBy(() -> line.command("AT", FINAL, SHORT))
        .isInstanceOf(IllegalStateException.class);
  }

  static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 3 s");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}
