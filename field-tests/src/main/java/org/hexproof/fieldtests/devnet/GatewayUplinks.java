package org.hexproof.fieldtests.devnet;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.hexproof.gateway.semtech.Eui64;
import org.hexproof.gateway.semtech.Rxpk;
import org.hexproof.gateway.server.UplinkListener;
import org.hexproof.gateway.server.WitnessFields;

/**
 * The gateway server's uplink listener in the devnet: hands each beacon a forwarder heard to the
 * concentrator hotspot of that EUI, on its own thread (the server calls from its UDP receive
 * thread, which must not block on signing and disk writes). Outlives service restarts.
 */
final class GatewayUplinks implements UplinkListener, AutoCloseable {
  private final Map<Eui64, ConcentratorHotspot> hotspots = new ConcurrentHashMap<>();
  private final AtomicLong unknown = new AtomicLong();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "devnet-gateway-uplinks");
            t.setDaemon(true);
            return t;
          });

  void register(ConcentratorHotspot hotspot) {
    hotspots.put(hotspot.eui(), hotspot);
  }

  /** Beacons heard by a forwarder no concentrator hotspot owns. */
  long unknownGateways() {
    return unknown.get();
  }

  @Override
  public void onBeacon(WitnessFields witness) {
    ConcentratorHotspot h = hotspots.get(witness.gateway());
    if (h == null) {
      unknown.incrementAndGet();
      return;
    }
    try {
      worker.execute(() -> h.witness(witness));
    } catch (RejectedExecutionException stopping) {
      // the devnet is stopping: the beacon is lost, as it would be by a powered-off hotspot
    }
  }

  @Override
  public void onPacket(Eui64 gateway, Rxpk packet) {}

  @Override
  public void close() {
    DevnetThreads.stop(worker);
  }
}
