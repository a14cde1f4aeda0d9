package org.hexproof.bridge.oracle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the 200 answer to a batch of reports: {@code {"results": [...]}} with one object per
 * report, {@code {"status": 202, "report_id", "received_at"}} or {@code {"status": 4xx, "detail"}}.
 */
final class BatchAnswer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BatchAnswer() {}

  /**
   * @param request e.g. {@code POST /v1/reports/beacon/batch}, for messages
   * @param body the answer's body
   * @param reports how many reports were sent
   */
  static BatchOutcome read(String request, String body, int reports) {
    JsonNode results;
    try {
      results = JSON.readTree(body).path("results");
    } catch (JsonProcessingException e) {
      return new BatchOutcome.Unavailable(
          request + ": expected JSON {\"results\": [...]}, got " + e.getOriginalMessage());
    }
    if (!results.isArray() || results.size() != reports) {
      return new BatchOutcome.Unavailable(
          request
              + ": expected "
              + reports
              + " results, got "
              + (results.isArray() ? results.size() + " results" : "no results array"));
    }
    List<OracleOutcome> outcomes = new ArrayList<>(reports);
    for (JsonNode result : results) {
      outcomes.add(outcome(request, result));
    }
    return new BatchOutcome.Answered(outcomes);
  }

  private static OracleOutcome outcome(String request, JsonNode result) {
    int status = result.path("status").asInt(-1);
    if (status >= 200 && status < 300) {
      JsonNode id = result.path("report_id");
      return new OracleOutcome.Accepted(
          status, id.isTextual() ? Optional.of(id.asText()) : Optional.empty());
    }
    String detail = result.path("detail").asText("");
    if (OracleClient.refusedForGood(status)) {
      return new OracleOutcome.Rejected(status, detail);
    }
    return new OracleOutcome.Unavailable(
        request + ": report answered " + (status < 0 ? result.toString() : status + " " + detail));
  }
}
