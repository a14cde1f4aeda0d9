package org.hexproof.gateway.semtech;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The JSON body of PUSH_DATA: received packets ({@code rxpk}) and/or a status report ({@code
 * stat}). Either may be absent; fields this codec doesn't know are ignored (and survive in {@link
 * RawBody} when a decoded datagram is re-encoded).
 *
 * @param rxpk received packets in the order sent; an immutable copy, empty when absent
 * @param stat the status report, if this datagram carries one
 */
public record PushPayload(List<Rxpk> rxpk, Optional<Stat> stat) {
  /**
   * @throws NullPointerException if a component or an element is null
   */
  public PushPayload {
    rxpk = List.copyOf(rxpk);
    Objects.requireNonNull(stat, "stat");
  }

  static PushPayload fromJson(Json j) throws MalformedDatagramException {
    List<Rxpk> packets = new ArrayList<>();
    for (Json r : j.objects("rxpk")) {
      packets.add(Rxpk.fromJson(r));
    }
    Optional<Json> s = j.optObject("stat");
    return new PushPayload(
        packets, s.isPresent() ? Optional.of(Stat.fromJson(s.get())) : Optional.empty());
  }

  ObjectNode toJson() {
    ObjectNode o = Json.object();
    if (!rxpk.isEmpty()) {
      ArrayNode a = o.putArray("rxpk");
      rxpk.forEach(r -> a.add(r.toJson()));
    }
    stat.ifPresent(s -> o.set("stat", s.toJson()));
    return o;
  }
}
