package org.hexproof.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A minimal HTTP/1.1 keep-alive client over one socket: GET only, Content-Length or chunked. */
final class KeepAliveClient implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final StringBuilder line = new StringBuilder();
  private byte[] body = new byte[1 << 16];
  private int bodyLength;
  private final Map<String, String> headers = new HashMap<>();

  KeepAliveClient(int port) {
    try {
      socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setTcpNoDelay(true);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends a GET and reads the whole response. */
  int get(String path) throws IOException {
    out.write(
        ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String status = readLine();
    if (status == null) {
      throw new IOException("connection closed");
    }
    int code = Integer.parseInt(status.substring(9, 12));
    headers.clear();
    for (String h = readLine(); h != null && !h.isEmpty(); h = readLine()) {
      int colon = h.indexOf(':');
      headers.put(
          h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
    }
    bodyLength = 0;
    String length = headers.get("content-length");
    if (length != null) {
      readBody(Integer.parseInt(length));
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      while (true) {
        int size = Integer.parseInt(readLine().split(";")[0].trim(), 16);
        if (size == 0) {
          while (!readLine().isEmpty()) {
            // trailers
          }
          break;
        }
        readBody(size);
        readLine();
      }
    }
    return code;
  }

  void expectOk(String path) throws IOException {
    int code = get(path);
    if (code != 200) {
      throw new IOException("GET " + path + ": " + code + " " + bodyString());
    }
  }

  String getString(String path) throws IOException {
    expectOk(path);
    return bodyString();
  }

  String header(String path, String name) throws IOException {
    expectOk(path);
    return headers.get(name);
  }

  private String bodyString() {
    return new String(body, 0, bodyLength, StandardCharsets.UTF_8);
  }

  private void readBody(int n) throws IOException {
    if (body.length < bodyLength + n) {
      body = Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + n));
    }
    int read = in.readNBytes(body, bodyLength, n);
    if (read < n) {
      throw new IOException("short body");
    }
    bodyLength += n;
  }

  private String readLine() throws IOException {
    line.setLength(0);
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        int len = line.length();
        if (len > 0 && line.charAt(len - 1) == '\r') {
          line.setLength(len - 1);
        }
        return line.toString();
      }
      line.append((char) b);
    }
    return line.length() == 0 ? null : line.toString();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing
    }
  }
}
