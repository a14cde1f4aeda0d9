package org.hexproof.benchmarks;

import static org.hexproof.benchmarks.GwmpThroughput.*;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.hexproof.gateway.semtech.Eui64;

/** The load side of GwmpThroughput: gateway clients, a run's figures and the CPU sampler. */
final class GwmpLoad {
  private GwmpLoad() {}

  /** One emulated gateway: a connected socket, its datagram, and send times by token. */
  static final class Client {
    final DatagramSocket socket;
    final byte[] datagram;
    final DatagramPacket out;
    final byte[] ackBuffer = new byte[64];
    final DatagramPacket in = new DatagramPacket(ackBuffer, ackBuffer.length);

    /** Send time (ns after the run's origin, + 1) by token; 0 = nothing outstanding. */
    final AtomicLongArray sentAt = new AtomicLongArray(0x1_0000);

    int nextToken;
    long sent;
    long measuredSent;
    long acked;
    long lost;
    long late;
    long[] latencies = new long[1 << 16];
    int latencyCount;

    Client(GwmpTargets.Target target, Eui64 eui, byte[] template) throws IOException {
      socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
      socket.setReceiveBufferSize(RECEIVE_BUFFER_BYTES);
      socket.connect(target.address());
      socket.setSoTimeout((int) WINDOW_LOSS_TIMEOUT.toMillis());
      target.register(socket, eui);
      datagram = template.clone();
      out = new DatagramPacket(datagram, datagram.length);
      nextToken = eui.hashCode() & 0xFFFF;
    }

    /** Sends the next datagram, stamped {@code at}; a token still outstanding is counted lost. */
    void send(long at, boolean measured) throws IOException {
      int token = nextToken;
      nextToken = (nextToken + 1) & 0xFFFF;
      datagram[1] = (byte) (token >>> 8);
      datagram[2] = (byte) token;
      long previous = sentAt.getAndSet(token, at);
      if (previous != 0) {
        lost++; // 65,536 sends later and still no ACK
      }
      socket.send(out);
      sent++;
      if (measured) {
        measuredSent++;
      }
    }

    /**
     * Waits for one ACK. Returns its send stamp, 0 for a late reply (its datagram was already
     * counted lost), -1 on timeout.
     */
    long receive() throws IOException {
      try {
        in.setLength(ackBuffer.length);
        socket.receive(in);
      } catch (SocketTimeoutException e) {
        return -1;
      }
      if (in.getLength() != 4 || ackBuffer[3] != PUSH_ACK) {
        throw new IllegalStateException(
            "expected a 4-byte PUSH_ACK, got " + HEX.formatHex(ackBuffer, 0, in.getLength()));
      }
      int token = ((ackBuffer[1] & 0xFF) << 8) | (ackBuffer[2] & 0xFF);
      return sentAt.getAndSet(token, 0);
    }

    void recordLatency(long nanos) {
      if (latencyCount == latencies.length) {
        latencies = Arrays.copyOf(latencies, latencies.length * 2);
      }
      latencies[latencyCount++] = nanos;
    }

    /** Counts every token still outstanding as lost, if it was sent at or after {@code from}. */
    int abandonOutstanding(long from) {
      int abandoned = 0;
      for (int t = 0; t < 0x1_0000; t++) {
        long stamp = sentAt.getAndSet(t, 0);
        if (stamp != 0) {
          abandoned++;
          if (stamp >= from) {
            lost++;
          }
        }
      }
      return abandoned;
    }

    void close() {
      socket.close();
    }
  }

  /** Figures of one run. */
  static final class RunResult {
    final String offered;
    final double seconds;
    long sent;
    long measuredSent;
    long acked;
    long lost;
    long late;
    long totalSent;
    long serverReceived = -1;
    double serverThreadCpu;
    double processCpu;
    long serverThreadNanos;
    long serverThreadBytes;
    long gcMillis;
    long gcCount;
    long[] latencies = new long[0];

    RunResult(String offered, double seconds) {
      this.offered = offered;
      this.seconds = seconds;
    }

    void add(Client c) {
      totalSent += c.sent;
      measuredSent += c.measuredSent;
      acked += c.acked;
      lost += c.lost;
      late += c.late;
      int from = latencies.length;
      latencies = Arrays.copyOf(latencies, from + c.latencyCount);
      System.arraycopy(c.latencies, 0, latencies, from, c.latencyCount);
    }

    void checkServer(long received) {
      serverReceived = received;
      if (received > totalSent) {
        throw new IllegalStateException(
            "the server handled " + received + " datagrams but only " + totalSent + " were sent");
      }
    }

    double ackedPerSecond() {
      return acked / seconds;
    }

    long p50Micros() {
      return percentileMicros(0.50);
    }

    long p99Micros() {
      return percentileMicros(0.99);
    }

    private long percentileMicros(double p) {
      if (latencies.length == 0) {
        return -1;
      }
      long[] sorted = latencies.clone();
      Arrays.sort(sorted);
      int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
      return sorted[Math.max(0, index)] / 1_000;
    }

    void printCost(String label) {
      long handled = Math.max(1, acked);
      System.out.printf(
          Locale.ROOT,
          "%-30s %14.2f %14.0f %14.2f %6d %8d%n",
          label,
          serverThreadNanos / 1e3 / handled,
          serverThreadBytes / (double) handled,
          processCpu * seconds * 1e6 / handled,
          gcCount,
          gcMillis);
    }

    void print(String label) {
      System.out.printf(
          Locale.ROOT,
          "%-30s %10s %,10.0f %,10.0f %7d %7d %,10d %,10d %,9d %7.0f%% %8.1f%n",
          label,
          offered,
          measuredSent / seconds,
          ackedPerSecond(),
          lost,
          late,
          serverReceived,
          p50Micros(),
          p99Micros(),
          serverThreadCpu * 100,
          processCpu * seconds * 1e6 / Math.max(1, acked));
    }
  }

  /**
   * CPU time over the measured interval: the server's receive thread, and the whole process (server
   * and clients; the kernel's loopback work is charged to the sending and receiving threads).
   */
  static final class CpuSampler extends Thread {
    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final long serverThreadId;
    private final long origin;
    private final long from;
    private final long to;
    volatile long serverThreadNanos;
    volatile long serverThreadBytes;
    volatile long processNanos;
    volatile long gcMillis;
    volatile long gcCount;

    CpuSampler(Thread server, long origin, Settings settings) {
      super("cpu-sampler");
      setDaemon(true);
      this.serverThreadId = server.getId();
      this.origin = origin;
      this.from = settings.warmup().toNanos();
      this.to = from + settings.measured().toNanos();
      start();
    }

    @Override
    public void run() {
      sleepUntil(from);
      long thread0 = threads.getThreadCpuTime(serverThreadId);
      long bytes0 = threads.getThreadAllocatedBytes(serverThreadId);
      long process0 = os.getProcessCpuTime();
      long gcMillis0 = gcMillis();
      long gcCount0 = gcCount();
      sleepUntil(to);
      serverThreadNanos = threads.getThreadCpuTime(serverThreadId) - thread0;
      serverThreadBytes = threads.getThreadAllocatedBytes(serverThreadId) - bytes0;
      processNanos = os.getProcessCpuTime() - process0;
      gcMillis = gcMillis() - gcMillis0;
      gcCount = gcCount() - gcCount0;
    }

    private static long gcMillis() {
      return ManagementFactory.getGarbageCollectorMXBeans().stream()
          .mapToLong(GarbageCollectorMXBean::getCollectionTime)
          .sum();
    }

    private static long gcCount() {
      return ManagementFactory.getGarbageCollectorMXBeans().stream()
          .mapToLong(GarbageCollectorMXBean::getCollectionCount)
          .sum();
    }

    private void sleepUntil(long at) {
      long wait;
      while ((wait = at - (System.nanoTime() - origin)) > 0) {
        LockSupport.parkNanos(wait);
      }
    }
  }
}
