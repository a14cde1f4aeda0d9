package org.hexproof.bridge.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hexproof.bridge.emulator.EspAtEmulator;
import org.hexproof.bridge.emulator.WifiAir;
import org.hexproof.bridge.radio.AccessPoint;
import org.hexproof.bridge.radio.CommandTimeoutException;
import org.hexproof.bridge.radio.LinkDownException;
import org.hexproof.bridge.radio.RadioException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(15)
class EspAtDriverIT {
  private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(700);

  @TempDir Path dir;
  private final WifiAir air = new WifiAir(-52);
  private final List<AutoCloseable> open = new ArrayList<>();

  private final class Node {
    final String name;
    final String mac;
    SocatPair pair;
    EspAtEmulator emulator;
    final EspAtDriver driver;

    Node(String name, String mac) {
      this.name = name;
      this.mac = mac;
      plugIn();
      driver =
          new EspAtDriver(
              JsscLineChannel.opener(pair.linkA(), EspAtDriver.BAUD),
              LoraDriverContractIT.OPTIONS,
              LoraDriverContractIT.clock(),
              COMMAND_TIMEOUT,
              Duration.ofSeconds(1));
      open.add(driver);
      driver.start();
    }

    void plugIn() {
      pair = SocatPair.start(dir.resolve(name + "-host"), dir.resolve(name + "-module"));
      open.add(pair);
      emulator =
          new EspAtEmulator(JsscLineChannel.opener(pair.linkB(), EspAtDriver.BAUD), air, mac);
      open.add(emulator);
      emulator.start();
    }
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  @Test
  void a_scan_sees_the_other_modules_soft_ap() {
    Node a = new Node("a", "aa:bb:cc:00:00:01");
    Node b = new Node("b", "aa:bb:cc:00:00:02");
    a.driver.startSoftAp("hexproof,\"nonce\"-42", 6);

    assertThat(b.driver.scan())
        .containsExactly(new AccessPoint("hexproof,\"nonce\"-42", -52, 6, "aa:bb:cc:00:00:01"));
    assertThat(a.driver.scan()).isEmpty();
  }

  @Test
  void surfaces_error_and_its_code_for_a_channel_the_country_forbids() {
    Node a = new Node("a", "aa:bb:cc:00:00:01");
    assertThatThrownBy(() -> a.driver.startSoftAp("hexproof", 14))
        .isInstanceOfSatisfying(
            RadioException.class,
            e -> {
              assertThat(e.errorText()).isEqualTo("ERROR");
              assertThat(e.reply()).containsExactly("ERR CODE:0x01070000", "ERROR");
            });
  }

  @Test
  void times_out_when_the_module_stays_silent() {
    Node a = new Node("a", "aa:bb:cc:00:00:01");
    a.emulator.setSilent(true);
    assertThatThrownBy(a.driver::scan).isInstanceOf(CommandTimeoutException.class);
  }

  @Test
  void routes_an_event_in_the_middle_of_a_command_to_the_listener() {
    Node a = new Node("a", "aa:bb:cc:00:00:01");
    List<String> events = new CopyOnWriteArrayList<>();
    a.driver.setEventListener(event -> events.add(event.text()));
    a.emulator.interleaveInNextReply("+STA_CONNECTED:\"aa:bb:cc:00:00:09\"");

    a.driver.startSoftAp("hexproof", 1);

    Await.until("event delivered", Duration.ofSeconds(2), () -> !events.isEmpty());
    assertThat(events).containsExactly("+STA_CONNECTED:\"aa:bb:cc:00:00:09\"");
  }

  @Test
  void reports_link_down_when_socat_dies_and_restores_the_soft_ap_on_a_new_pair() {
    Node a = new Node("a", "aa:bb:cc:00:00:01");
    Node b = new Node("b", "aa:bb:cc:00:00:02");
    a.driver.startSoftAp("hexproof-a", 11);

    a.pair.close();
    a.emulator.close();
    Await.until("link seen down", Duration.ofSeconds(2), () -> !a.driver.isLinkUp());
    assertThatThrownBy(a.driver::scan).isInstanceOf(LinkDownException.class);
    assertThat(b.driver.scan()).isEmpty();

    a.plugIn();
    Await.until(
        "soft AP restored",
        Duration.ofSeconds(8),
        () -> !air.visibleFrom("aa:bb:cc:00:00:02").isEmpty());
    assertThat(b.driver.scan()).extracting(AccessPoint::ssid).containsExactly("hexproof-a");
  }
}
