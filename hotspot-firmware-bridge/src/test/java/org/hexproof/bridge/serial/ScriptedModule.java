package org.hexproof.bridge.serial;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import jssc.SerialPort;
import jssc.SerialPortException;

/**
 * The module end of a pty pair, played by a test with raw bytes: it frames the host's commands and
 * answers each with whatever bytes the current script returns (none, half a line, garbage), and can
 * write unsolicited bytes at any time. Unlike the emulators it is not limited to whole lines.
 */
final class ScriptedModule implements AutoCloseable {
  private final SerialPort port;
  private final Thread reader;
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private volatile Function<String, byte[]> script;
  private volatile boolean running = true;

  ScriptedModule(Path device, Function<String, byte[]> script) throws SerialPortException {
    this.script = script;
    this.port = new SerialPort(device.toString());
    port.openPort();
    port.setParams(
        Rak3172Driver.BAUD, SerialPort.DATABITS_8, SerialPort.STOPBITS_1, SerialPort.PARITY_NONE);
    reader = new Thread(this::readLoop, "scripted-module");
    reader.setDaemon(true);
    reader.start();
  }

  /** Replaces how commands are answered. */
  void answer(Function<String, byte[]> newScript) {
    this.script = newScript;
  }

  /** Commands received so far. */
  List<String> commands() {
    return commands;
  }

  /** Writes {@code bytes} as they are: no line end is added. */
  void write(byte[] bytes) throws SerialPortException {
    synchronized (port) {
      port.writeBytes(bytes);
    }
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private void readLoop() {
    LineFramer framer = new LineFramer();
    try {
      while (running) {
        int available = port.getInputBufferBytesCount();
        if (available <= 0) {
          Thread.sleep(2);
          continue;
        }
        for (String command : framer.accept(port.readBytes(available))) {
          if (!command.isBlank()) {
            commands.add(command);
            write(script.apply(command));
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SerialPortException e) {
      running = false;
    }
  }

  @Override
  public void close() throws SerialPortException {
    running = false;
    reader.interrupt();
    try {
      reader.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (port) {
      port.closePort();
    }
  }
}
