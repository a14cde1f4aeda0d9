package org.hexproof.bridge.serial;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import jssc.SerialPort;
import jssc.SerialPortException;
import org.hexproof.bridge.radio.LinkDownException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link LineChannel} over a jssc serial port (8N1, no flow control), read by a polling thread
 * (see the package doc for why not jssc's event listener).
 */
public final class JsscLineChannel implements LineChannel {
  private static final Logger log = LoggerFactory.getLogger(JsscLineChannel.class);

  /** Default reader poll interval: at most this much latency for about 0.6 % of a core idle. */
  public static final Duration DEFAULT_POLL = Duration.ofMillis(5);

  private final Path device;
  private final SerialPort port;
  private final LineReceiver receiver;
  private final long pollMillis;
  private final Thread reader;
  private volatile boolean running = true;

  private JsscLineChannel(Path device, SerialPort port, LineReceiver receiver, Duration poll) {
    this.device = device;
    this.port = port;
    this.receiver = receiver;
    this.pollMillis = Math.max(1, poll.toMillis());
    this.reader = new Thread(this::readLoop, "serial-reader " + device);
    this.reader.setDaemon(true);
  }

  /** An opener for {@code device} at {@code baudRate} with the default poll interval. */
  public static LineChannelOpener opener(Path device, int baudRate) {
    return opener(device, baudRate, DEFAULT_POLL);
  }

  /**
   * An opener for {@code device} (a tty or a socat link) at {@code baudRate}, polling every {@code
   * poll}.
   */
  public static LineChannelOpener opener(Path device, int baudRate, Duration poll) {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(poll, "poll");
    return receiver -> open(device, baudRate, poll, receiver);
  }

  /**
   * Opens the port and starts the reader.
   *
   * @throws LinkDownException when jssc cannot open the device ("Port not found", "Port busy",
   *     "Permission denied", "Incorrect serial port")
   */
  public static JsscLineChannel open(
      Path device, int baudRate, Duration poll, LineReceiver receiver) {
    Objects.requireNonNull(receiver, "receiver");
    SerialPort port = new SerialPort(device.toString());
    try {
      port.openPort();
    } catch (SerialPortException e) {
      throw new LinkDownException("cannot open " + device + ": " + e.getExceptionType(), e);
    }
    try {
      boolean applied =
          port.setParams(
              baudRate, SerialPort.DATABITS_8, SerialPort.STOPBITS_1, SerialPort.PARITY_NONE);
      if (!applied) {
        // radio.md §5: on a pty TIOCMGET/TIOCMSET fail, but termios is applied all the same.
        log.warn("{}: setParams({} 8N1) reported false (normal on a pty)", device, baudRate);
      }
      port.setFlowControlMode(SerialPort.FLOWCONTROL_NONE);
      port.purgePort(SerialPort.PURGE_RXCLEAR | SerialPort.PURGE_TXCLEAR);
    } catch (SerialPortException e) {
      closeQuietly(port, device);
      throw new LinkDownException("cannot configure " + device + ": " + e.getExceptionType(), e);
    }
    JsscLineChannel channel = new JsscLineChannel(device, port, receiver, poll);
    channel.reader.start();
    log.debug("{}: open at {} baud", device, baudRate);
    return channel;
  }

  @Override
  public void writeLine(String line) {
    byte[] bytes = (line + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    synchronized (port) {
      try {
        if (!port.writeBytes(bytes)) {
          throw new LinkDownException(device + ": write of " + bytes.length + " bytes incomplete");
        }
      } catch (SerialPortException e) {
        throw new LinkDownException(device + ": write failed: " + e.getExceptionType(), e);
      }
    }
  }

  @Override
  public void close() {
    running = false;
    if (Thread.currentThread() != reader) {
      reader.interrupt();
      try {
        reader.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (port) {
      closeQuietly(port, device);
    }
  }

  private void readLoop() {
    LineFramer framer = new LineFramer();
    try {
      while (running) {
        int available = port.getInputBufferBytesCount();
        if (available > 0) {
          byte[] chunk = port.readBytes(available);
          for (String line : framer.accept(chunk)) {
            receiver.onLine(line);
          }
        } else {
          Thread.sleep(pollMillis);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SerialPortException e) {
      if (running) {
        running = false;
        receiver.onLinkDown(
            new LinkDownException(device + ": read failed: " + e.getExceptionType(), e));
      }
    }
  }

  private static void closeQuietly(SerialPort port, Path device) {
    if (!port.isOpened()) {
      return;
    }
    try {
      port.closePort();
    } catch (SerialPortException e) {
      // The device is usually already gone when closing fails; nothing is left to release.
      log.debug("{}: close failed: {}", device, e.getExceptionType());
    }
  }
}
