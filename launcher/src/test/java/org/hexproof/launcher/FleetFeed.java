package org.hexproof.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hexproof.bridge.emulator.Signal;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.radio.ChannelPlan;
import org.hexproof.core.radio.LoraDataRate;
import org.hexproof.fieldtests.drive.DriveFleet;
import org.hexproof.fieldtests.rf.Link;
import org.hexproof.fieldtests.rf.LinkBudget;
import org.hexproof.fieldtests.rf.Reception;
import org.hexproof.fieldtests.sites.City;

/**
 * The oracle's verified-PoC feed (docs/verified-poc-feed.md) for a simulated fleet, on 127.0.0.1:0:
 * every hotspot beacons once at the region's beacon datarate and power, and every other hotspot
 * whose link demodulates it is a valid witness with the RSSI the RF simulator gives, as the
 * devnet's oracle would publish them (without its other rules). One page holds everything.
 */
final class FleetFeed implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<Map<String, Object>> entries = new ArrayList<>();

  FleetFeed(City city, long seed, List<DriveFleet.Hotspot> fleet, Instant at) {
    ChannelPlan plan = city.region().plan();
    LoraDataRate rate =
        LoraDataRate.fromProto(plan.dataRateFor(Beacon.PAYLOAD_BYTES)).orElseThrow();
    long frequency = plan.channelsHz().get(0);
    int power = plan.conductedPowerDbm(DriveFleet.HOTSPOT_GAIN_DDBI);
    LinkBudget budget = new LinkBudget(city.environment(seed));
    long id = 0;
    for (DriveFleet.Hotspot beaconer : fleet) {
      List<Map<String, Object>> witnesses = new ArrayList<>();
      for (DriveFleet.Hotspot w : fleet) {
        if (w == beaconer) {
          continue;
        }
        Reception r = budget.lora(Link.between(beaconer.site(), w.site(), frequency, power), rate);
        if (r.demodulated()) {
          Signal s = r.signal();
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("report_id", "w" + id + w.name());
          m.put("hotspot", w.key().toBase58());
          m.put("owner", w.key().toBase58());
          m.put("location", cell(w));
          m.put("received_at", at.plusMillis(200).toString());
          m.put("signal_ddbm", s.rssiDbm() * 10);
          m.put("snr_ddb", (int) Math.round(s.snrDb() * 10));
          m.put("frequency_hz", frequency);
          m.put("distance_m", Math.round(beaconer.site().distanceMeters(w.site())));
          m.put("verdict", "valid");
          m.put("reason", null);
          m.put("selected", true);
          m.put("reward_unit", "1.0000");
          witnesses.add(m);
        }
      }
      Map<String, Object> beacon = new LinkedHashMap<>();
      beacon.put("report_id", "b" + id);
      beacon.put("hotspot", beaconer.key().toBase58());
      beacon.put("owner", beaconer.key().toBase58());
      beacon.put("location", cell(beaconer));
      beacon.put("region", city.region().displayName());
      beacon.put("gain_ddbi", DriveFleet.HOTSPOT_GAIN_DDBI);
      beacon.put("received_at", at.toString());
      beacon.put("frequency_hz", frequency);
      beacon.put("datarate", rate.name());
      beacon.put("tx_power_dbm", power);
      beacon.put("verdict", "valid");
      beacon.put("reason", null);
      beacon.put("hex_scale", "1.0000");
      beacon.put("reward_unit", "1.0000");
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", ++id);
      entry.put("verified_at", at.plusSeconds(60).toString());
      entry.put("beacon", beacon);
      entry.put("witnesses", witnesses);
      entries.add(entry);
    }
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/v1/poc/feed", this::feed);
    server.start();
  }

  private static String cell(DriveFleet.Hotspot h) {
    return H3Cell.fromLatLng(h.site().position(), 12).toDecimalString();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  long lastId() {
    return entries.size();
  }

  /** Witnesses across all beacons. */
  int witnesses() {
    return entries.stream().mapToInt(e -> ((List<?>) e.get("witnesses")).size()).sum();
  }

  private void feed(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    long after = 0;
    int limit = 500;
    for (String part : query == null ? new String[0] : query.split("&")) {
      if (part.startsWith("after=")) {
        after = Long.parseLong(part.substring(6));
      } else if (part.startsWith("limit=")) {
        limit = Integer.parseInt(part.substring(6));
      }
    }
    long from = after;
    List<Map<String, Object>> page =
        entries.stream().filter(e -> ((Long) e.get("id")) > from).limit(limit).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("entries", page);
    body.put("last_id", page.isEmpty() ? after : page.get(page.size() - 1).get("id"));
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
