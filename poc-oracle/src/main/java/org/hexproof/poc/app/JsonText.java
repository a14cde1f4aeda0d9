package org.hexproof.poc.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.core.radio.Region;
import org.hexproof.poc.feed.FeedEntries;
import org.hexproof.poc.registry.HotspotRecord;

/**
 * The oracle's JSON views, written with Jackson trees so that names are the contract's snake_case
 * and field order is fixed; served as UTF-8 bytes so the framework passes them through unchanged.
 */
final class JsonText {
  static final ObjectMapper JSON = new ObjectMapper();

  private JsonText() {}

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static HttpResponse<byte[]> ok(String json) {
    return respond(HttpStatus.OK, json);
  }

  static HttpResponse<byte[]> respond(HttpStatus status, String json) {
    return HttpResponse.<byte[]>status(status)
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .body(json.getBytes(StandardCharsets.UTF_8));
  }

  static HttpResponse<byte[]> respond(HttpStatus status, ObjectNode node) {
    return respond(status, write(node));
  }

  static String write(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }

  static ObjectNode hotspot(HotspotRecord r) {
    ObjectNode o = object();
    o.put("hotspot", r.hotspot());
    o.put("owner", r.owner());
    o.put("capability", r.capability().name().toLowerCase(java.util.Locale.ROOT));
    o.put("onboarded_at", FeedEntries.instant(r.onboardedAt()));
    o.put("location", r.location().map(H3Cell::toDecimalString).orElse(null));
    o.put("region", r.region().map(Region::displayName).orElse(null));
    o.put("gain_ddbi", r.gainDdbi());
    o.put("elevation_m", r.elevationMeters());
    if (r.locationNonce().isPresent()) {
      o.put("location_nonce", r.locationNonce().getAsLong());
    } else {
      o.putNull("location_nonce");
    }
    o.put("denied", r.denied());
    o.put("last_beacon_at", instant(r.lastBeaconAt()));
    o.put("last_witness_at", instant(r.lastWitnessAt()));
    o.put("last_beacon_reciprocity_at", instant(r.lastBeaconReciprocityAt()));
    return o;
  }

  static ObjectNode entropy(EntropyReport report) {
    HexFormat hex = HexFormat.of();
    ObjectNode o = object();
    o.put("data_hex", hex.formatHex(report.getData().toByteArray()));
    o.put("timestamp", report.getTimestampS());
    o.put("version", report.getVersion());
    o.put(
        "oracle_key",
        org.hexproof.core.keys.PublicKey.fromBytes(report.getPubKey().toByteArray()).toBase58());
    o.put("signature_hex", hex.formatHex(report.getSignature().toByteArray()));
    return o;
  }

  private static String instant(Optional<Instant> at) {
    return at.map(FeedEntries::instant).orElse(null);
  }
}
