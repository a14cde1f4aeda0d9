package org.hexproof.launcher;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hexproof.core.token.TokenAmount;
import org.hexproof.rewards.payout.EpochPayout;
import org.hexproof.rewards.payout.HotspotPayout;
import org.hexproof.rewards.payout.HotspotShares;
import org.hexproof.rewards.payout.PayoutCalculator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hexproof rewards preview}: one epoch's payouts from its emission, price and shares
 * (DESIGN.md "Input format for hexproof rewards preview"; poc-rules.md §6). Hotspots are listed in
 * ascending id order ({@link String#compareTo}); those that earn nothing are left out.
 */
@Command(
    name = "preview",
    mixinStandardHelpOptions = true,
    description = {
      "Per-hotspot payouts of one epoch, in base units.",
      "FILE: {\"epoch_emission\": int, \"token_decimals\": 0..18, \"price_usd\": \"3.59\","
          + " \"hotspots\": [{\"id\", \"beacon_shares\", \"witness_shares\", \"dc_transferred\"}]}",
      "Prints {\"hotspots\": [{\"id\", \"beacon_amount\", \"witness_amount\","
          + " \"dc_transfer_amount\"}], \"unallocated\", \"operations_amount\","
          + " \"oracles_amount\"}, hotspots by id."
    })
final class RewardsPreviewCommand implements Runnable {
  private static final Set<String> ROOT_FIELDS =
      Set.of("epoch_emission", "token_decimals", "price_usd", "hotspots");
  private static final Set<String> HOTSPOT_FIELDS =
      Set.of("id", "beacon_shares", "witness_shares", "dc_transferred");
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE",
      description = "the epoch's emission, price and per-hotspot shares (JSON)")
  Path input;

  private String file;

  @Override
  public void run() {
    String text;
    try {
      text = Files.readString(input);
    } catch (IOException e) {
      throw new BadInputException(
          input + ": expected a readable UTF-8 JSON file (" + e.getClass().getSimpleName() + ")");
    }
    Json.print(spec.commandLine().getOut(), document(payout(input.toString(), text)));
  }

  /**
   * The payouts of one input document.
   *
   * @param fileName names the input in error messages
   * @param text the document
   * @throws BadInputException naming the field and what was expected
   */
  EpochPayout payout(String fileName, String text) {
    file = fileName;
    JsonNode root = read(text);
    requireFields(root, "", ROOT_FIELDS);
    long emission = wholeNumber(root.get("epoch_emission"), "epoch_emission", Long.MAX_VALUE);
    int decimals =
        (int) wholeNumber(root.get("token_decimals"), "token_decimals", TokenAmount.MAX_DECIMALS);
    BigDecimal price = price(root.get("price_usd"));
    List<HotspotShares> hotspots = hotspots(root.get("hotspots"));

    return PayoutCalculator.calculate(TokenAmount.of(emission), decimals, price, hotspots);
  }

  private static Map<String, Object> document(EpochPayout payout) {
    List<Map<String, Object>> hotspots = new ArrayList<>();
    for (HotspotPayout h : payout.hotspots()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", h.id());
      entry.put("beacon_amount", h.beacon().baseUnits());
      entry.put("witness_amount", h.witness().baseUnits());
      entry.put("dc_transfer_amount", h.dataTransfer().baseUnits());
      hotspots.add(entry);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("hotspots", hotspots);
    result.put("unallocated", payout.unallocated().baseUnits());
    result.put("operations_amount", payout.operations().baseUnits());
    result.put("oracles_amount", payout.oracles().baseUnits());
    return result;
  }

  private JsonNode read(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      var where = e.getLocation();
      String at =
          where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
      throw bad("expected a JSON document" + at + ": " + e.getOriginalMessage());
    } catch (NumberFormatException e) {
      // Jackson reads every float as a BigDecimal, which refuses exponents beyond an int
      throw bad("expected a JSON document with numbers in range: " + e.getMessage());
    }
  }

  private List<HotspotShares> hotspots(JsonNode node) {
    if (!node.isArray()) {
      throw field("hotspots", "an array of hotspot objects", node);
    }
    List<HotspotShares> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      String at = "hotspots[" + i + "]";
      JsonNode h = node.get(i);
      requireFields(h, at + ".", HOTSPOT_FIELDS);
      JsonNode id = h.get("id");
      if (!id.isTextual() || id.asText().isBlank()) {
        throw field(at + ".id", "a non-empty string", id);
      }
      if (!ids.add(id.asText())) {
        throw field(at + ".id", "an id not used by an earlier hotspot", id);
      }
      out.add(
          new HotspotShares(
              id.asText(),
              shares(h.get("beacon_shares"), at + ".beacon_shares"),
              shares(h.get("witness_shares"), at + ".witness_shares"),
              wholeNumber(h.get("dc_transferred"), at + ".dc_transferred", Long.MAX_VALUE)));
    }
    return out;
  }

  private void requireFields(JsonNode node, String prefix, Set<String> fields) {
    if (!node.isObject()) {
      String name = prefix.isEmpty() ? "(document)" : prefix.substring(0, prefix.length() - 1);
      throw field(name, "an object with " + String.join(", ", sorted(fields)), node);
    }
    for (var names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!fields.contains(name)) {
        throw bad(
            prefix
                + name
                + ": unknown field, expected one of "
                + String.join(", ", sorted(fields)));
      }
    }
    for (String name : sorted(fields)) {
      if (!node.has(name) || node.get(name).isNull()) {
        throw bad(prefix + name + ": missing, expected a value");
      }
    }
  }

  private long wholeNumber(JsonNode node, String name, long max) {
    if (!node.isIntegralNumber()
        || !node.canConvertToLong()
        || node.asLong() < 0
        || node.asLong() > max) {
      throw field(name, "a whole number in 0.." + max, node);
    }
    return node.asLong();
  }

  private BigDecimal shares(JsonNode node, String name) {
    if (!node.isNumber() || node.decimalValue().signum() < 0) {
      throw field(name, "a non-negative decimal number", node);
    }
    return node.decimalValue();
  }

  private BigDecimal price(JsonNode node) {
    BigDecimal price = null;
    if (node.isTextual() && node.asText().matches("[0-9]+(\\.[0-9]+)?")) {
      price = new BigDecimal(node.asText());
    } else if (node.isNumber()) {
      price = node.decimalValue();
    }
    if (price == null || price.signum() <= 0) {
      throw field("price_usd", "a positive decimal string such as \"3.59\"", node);
    }
    return price;
  }

  private BadInputException field(String name, String expected, JsonNode got) {
    String text = got.toString();
    return bad(
        name
            + ": expected "
            + expected
            + ", got "
            + (text.length() > 60 ? text.substring(0, 57) + "..." : text));
  }

  private BadInputException bad(String message) {
    return new BadInputException(file + ": " + message);
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }
}
