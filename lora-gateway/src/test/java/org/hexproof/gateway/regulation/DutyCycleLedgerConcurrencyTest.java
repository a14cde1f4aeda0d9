package org.hexproof.gateway.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hexproof.gateway.regulation.Beacons.SF12_BEACON;
import static org.hexproof.gateway.regulation.Beacons.T0;
import static org.hexproof.gateway.regulation.Beacons.sf12;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hexproof.core.radio.DutyCycleBand;
import org.hexproof.core.radio.Region;
import org.junit.jupiter.api.RepeatedTest;

class DutyCycleLedgerConcurrencyTest {
  private static final int THREADS = 8;
  private static final int ATTEMPTS_PER_THREAD = 25;

  @RepeatedTest(20)
  void racing_threads_never_admit_more_than_the_band_budget() throws Exception {
    DutyCycleLedger ledger = DutyCycleLedger.etsi(Region.EU868, new MutableClock(T0));
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> admitted = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        admitted.add(
            pool.submit(
                () -> {
                  go.await();
                  int mine = 0;
                  for (int i = 0; i < ATTEMPTS_PER_THREAD; i++) {
                    // 200 beacons over 8 minutes on 867.1..867.9 MHz: all in one 1 % band and
                    // within one hour, so exactly 14 may go out.
                    long hz = 867_100_000L + 200_000L * ((thread + i) % 5);
                    Duration offset = SF12_BEACON.multipliedBy(thread * ATTEMPTS_PER_THREAD + i);
                    if (ledger.tryAcquire(sf12(hz, T0.plus(offset))).isAllowed()) {
                      mine++;
                    }
                  }
                  return mine;
                }));
      }
      go.countDown();
      int total = 0;
      for (Future<Integer> f : admitted) {
        total += f.get(30, TimeUnit.SECONDS);
      }

      DutyCycleBand band = Region.EU868.plan().dutyCycleBandOf(867_900_000L).orElseThrow();
      assertThat(total).isEqualTo(14);
      assertThat(ledger.airtimeUsed(band, T0)).isEqualTo(SF12_BEACON.multipliedBy(14));
    } finally {
      pool.shutdownNow();
    }
  }
}
