package org.hexproof.poc.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.InvalidCellException;
import org.hexproof.core.proto.DataRate;
import org.hexproof.core.radio.ChannelPlan;
import org.hexproof.core.radio.Region;
import org.hexproof.core.radio.SpreadingLimit;
import org.hexproof.poc.verify.BeaconReport;
import org.hexproof.poc.verify.Capability;
import org.hexproof.poc.verify.DeniedEdge;
import org.hexproof.poc.verify.HotspotInfo;
import org.hexproof.poc.verify.OracleEntropy;
import org.hexproof.poc.verify.PocInput;
import org.hexproof.poc.verify.RegionPlans;
import org.hexproof.poc.verify.WitnessReport;

/** Reads the DESIGN.md scenario JSON into verifier records. */
final class ScenarioParser {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int INT_MIN = Integer.MIN_VALUE;
  private static final int INT_MAX = Integer.MAX_VALUE;

  private ScenarioParser() {}

  static Scenario parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ScenarioException(
          "$", "expected JSON, " + e.getOriginalMessage() + " at " + location(e));
    }
    JsonFields doc =
        JsonFields.object(
            root,
            "$",
            Set.of(
                "now",
                "regions",
                "hotspots",
                "denied_edges",
                "entropy",
                "beacon",
                "witnesses",
                "max_witnesses"));
    Map<String, HotspotInfo> hotspots = new LinkedHashMap<>();
    List<JsonNode> hotspotNodes = doc.array("hotspots");
    for (int i = 0; i < hotspotNodes.size(); i++) {
      HotspotInfo info = hotspot(hotspotNodes.get(i), doc.path("hotspots") + "[" + i + "]");
      if (hotspots.put(info.id(), info) != null) {
        throw new ScenarioException(
            doc.path("hotspots") + "[" + i + "].id", "duplicate hotspot id \"" + info.id() + "\"");
      }
    }
    List<WitnessReport> witnesses = new ArrayList<>();
    List<JsonNode> witnessNodes = doc.array("witnesses");
    for (int i = 0; i < witnessNodes.size(); i++) {
      witnesses.add(witness(witnessNodes.get(i), doc.path("witnesses") + "[" + i + "]"));
    }
    OptionalInt maxWitnesses =
        doc.optional("max_witnesses").isPresent()
            ? OptionalInt.of((int) doc.integer("max_witnesses", 1, INT_MAX))
            : OptionalInt.empty();
    PocInput input =
        new PocInput(
            entropy(doc.required("entropy"), doc.path("entropy")),
            beacon(doc.required("beacon"), doc.path("beacon")),
            witnesses,
            hotspots,
            deniedEdges(doc));
    return new Scenario(doc.optionalInstant("now"), input, regions(doc), maxWitnesses);
  }

  private static HotspotInfo hotspot(JsonNode node, String path) {
    JsonFields h =
        JsonFields.object(
            node,
            path,
            Set.of(
                "id",
                "location",
                "region",
                "gain_ddbi",
                "elevation_m",
                "capability",
                "denied",
                "last_beacon_at",
                "last_witness_at",
                "last_beacon_reciprocity_at"));
    Optional<H3Cell> location =
        h.optionalText("location")
            .map(
                text -> {
                  try {
                    return H3Cell.parse(text);
                  } catch (InvalidCellException e) {
                    throw new ScenarioException(h.path("location"), e.getMessage());
                  }
                });
    String capability = h.optionalText("capability").orElse("full");
    return new HotspotInfo(
        h.text("id"),
        location,
        region(h.text("region"), h.path("region")),
        (int) h.integer("gain_ddbi", INT_MIN, INT_MAX),
        h.optional("elevation_m").isPresent()
            ? (int) h.integer("elevation_m", INT_MIN, INT_MAX)
            : 0,
        switch (capability) {
          case "full" -> Capability.FULL;
          case "data_only" -> Capability.DATA_ONLY;
          default ->
              throw new ScenarioException(
                  h.path("capability"),
                  "expected \"full\" or \"data_only\", got \"" + capability + "\"");
        },
        h.bool("denied", false),
        h.optionalInstant("last_beacon_at"),
        h.optionalInstant("last_witness_at"),
        h.optionalInstant("last_beacon_reciprocity_at"));
  }

  private static OracleEntropy entropy(JsonNode node, String path) {
    JsonFields e = JsonFields.object(node, path, Set.of("data_hex", "timestamp", "version"));
    long seconds = e.integer("timestamp", 0, Long.MAX_VALUE / 1000);
    int version = e.optional("version").isPresent() ? (int) e.integer("version", 0, INT_MAX) : 0;
    return new OracleEntropy(e.hex("data_hex"), java.time.Instant.ofEpochSecond(seconds), version);
  }

  private static BeaconReport beacon(JsonNode node, String path) {
    JsonFields b =
        JsonFields.object(
            node,
            path,
            Set.of(
                "hotspot",
                "received_at",
                "local_entropy_hex",
                "remote_entropy_hex",
                "data_hex",
                "frequency_hz",
                "datarate",
                "tx_power_dbm"));
    return new BeaconReport(
        b.text("hotspot"),
        b.instant("received_at"),
        b.hex("local_entropy_hex"),
        b.hex("remote_entropy_hex"),
        b.hex("data_hex"),
        b.integer("frequency_hz", 1, Long.MAX_VALUE),
        dataRate(b.text("datarate"), b.path("datarate")),
        (int) b.integer("tx_power_dbm", INT_MIN, INT_MAX));
  }

  private static WitnessReport witness(JsonNode node, String path) {
    JsonFields w =
        JsonFields.object(
            node,
            path,
            Set.of(
                "hotspot",
                "received_at",
                "data_hex",
                "signal_ddbm",
                "snr_ddb",
                "frequency_hz",
                "datarate"));
    return new WitnessReport(
        w.text("hotspot"),
        w.instant("received_at"),
        w.hex("data_hex"),
        (int) w.integer("signal_ddbm", INT_MIN, INT_MAX),
        w.optional("snr_ddb").isPresent() ? (int) w.integer("snr_ddb", INT_MIN, INT_MAX) : 0,
        w.integer("frequency_hz", 1, Long.MAX_VALUE),
        dataRate(w.text("datarate"), w.path("datarate")));
  }

  private static Set<DeniedEdge> deniedEdges(JsonFields doc) {
    Set<DeniedEdge> edges = new HashSet<>();
    List<JsonNode> nodes = doc.array("denied_edges");
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode pair = nodes.get(i);
      String path = doc.path("denied_edges") + "[" + i + "]";
      if (!pair.isArray()
          || pair.size() != 2
          || !pair.get(0).isTextual()
          || !pair.get(1).isTextual()) {
        throw new ScenarioException(
            path,
            "expected a pair of hotspot ids [\"a\", \"b\"], got " + JsonFields.describe(pair));
      }
      edges.add(DeniedEdge.of(pair.get(0).textValue(), pair.get(1).textValue()));
    }
    return edges;
  }

  private static RegionPlans regions(JsonFields doc) {
    Optional<JsonNode> node = doc.optional("regions");
    if (node.isEmpty()) {
      return RegionPlans.BUILT_IN;
    }
    String path = doc.path("regions");
    if (!node.get().isObject()) {
      throw new ScenarioException(
          path, "expected an object, got " + JsonFields.describe(node.get()));
    }
    Map<Region, ChannelPlan> plans = new EnumMap<>(Region.class);
    java.util.Iterator<String> names = node.get().fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      Region region = region(name, path + "." + name);
      plans.put(region, plan(region, node.get().get(name), path + "." + name));
    }
    return region -> Optional.ofNullable(plans.get(region));
  }

  private static ChannelPlan plan(Region region, JsonNode node, String path) {
    JsonFields p =
        JsonFields.object(
            node, path, Set.of("channels_hz", "bandwidth_hz", "max_eirp_ddbm", "spreading"));
    List<Long> channels = new ArrayList<>();
    List<JsonNode> channelNodes = p.array("channels_hz");
    for (int i = 0; i < channelNodes.size(); i++) {
      channels.add(
          JsonFields.integerValue(
              channelNodes.get(i), p.path("channels_hz") + "[" + i + "]", 1, Long.MAX_VALUE));
    }
    List<SpreadingLimit> spreading = new ArrayList<>();
    List<JsonNode> rows = p.array("spreading");
    for (int i = 0; i < rows.size(); i++) {
      JsonFields row =
          JsonFields.object(
              rows.get(i), p.path("spreading") + "[" + i + "]", Set.of("sf", "max_packet_size"));
      spreading.add(
          new SpreadingLimit(
              (int) row.integer("max_packet_size", 1, 65_535), (int) row.integer("sf", 5, 12)));
    }
    ChannelPlan builtIn = region.plan();
    try {
      return new ChannelPlan(
          builtIn.technology(),
          channels,
          p.integer("bandwidth_hz", 1, Long.MAX_VALUE),
          (int) p.integer("max_eirp_ddbm", INT_MIN, INT_MAX),
          spreading,
          builtIn.dutyCycleBands(),
          builtIn.dwellTime());
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(path, e.getMessage());
    }
  }

  private static Region region(String name, String path) {
    try {
      return Region.parse(name);
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(path, e.getMessage().replaceFirst("^region: ", ""));
    }
  }

  private static DataRate dataRate(String name, String path) {
    try {
      DataRate rate = DataRate.valueOf(name);
      if (rate != DataRate.UNRECOGNIZED) {
        return rate;
      }
    } catch (IllegalArgumentException e) {
      // reported below with the expected names
    }
    throw new ScenarioException(
        path, "expected a datarate such as SF12BW125 or WIFI_2G4, got \"" + name + "\"");
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? "unknown position"
        : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }
}
