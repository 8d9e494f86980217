package pk.hifazat.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A bare HTTP/1.1 client on a socket: sends exactly the bytes it is given (invalid UTF-8, bodies
 * of many megabytes) and reads the answer while it is still sending, so a server that answers
 * early and closes the connection is heard rather than reported as a broken pipe.
 */
final class RawHttp {

  /** One answer: status, headers (lower-case names), body as UTF-8, and how long it took. */
  record Answer(int status, Map<String, String> headers, String body, Duration took) {

    String contentType() {
      return headers.getOrDefault("content-type", "");
    }

    @Override
    public String toString() {
      return status + " " + contentType() + " (" + took.toMillis() + " ms): "
          + (body.length() > 2_000 ? body.substring(0, 2_000) + "..." : body);
    }
  }

  private final int port;

  RawHttp(int port) {
    this.port = port;
  }

  Answer get(String path, String user) throws Exception {
    return send("GET", path, user, null, null);
  }

  Answer send(String method, String path, String user, String contentType, byte[] body)
      throws Exception {
    return send(method, path, user, contentType, body, false);
  }

  /** Sends the body in chunks of 64 KB without a Content-Length, when {@code chunked}. */
  Answer send(String method, String path, String user, String contentType, byte[] body,
      boolean chunked) throws Exception {
    long start = System.nanoTime();
    StringBuilder head = new StringBuilder()
        .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
        .append("Host: 127.0.0.1:").append(port).append("\r\n")
        .append("Connection: close\r\n");
    if (user != null) {
      head.append("Authorization: Basic ").append(Base64.getEncoder().encodeToString(
          (user + ":demo").getBytes(StandardCharsets.UTF_8))).append("\r\n");
    }
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    if (body != null && chunked) {
      head.append("Transfer-Encoding: chunked\r\n");
    } else if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
        try {
          out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
          if (body != null) {
            for (int offset = 0; offset < body.length; offset += 64 * 1024) {
              int length = Math.min(64 * 1024, body.length - offset);
              if (chunked) {
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
              }
              out.write(body, offset, length);
              if (chunked) {
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
              }
            }
            if (chunked) {
              out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
          }
          out.flush();
        } catch (IOException answeredEarly) {
          // The server answered and closed the connection before it read the whole body.
        }
      });
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[16 * 1024];
      try {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          received.write(buffer, 0, n);
        }
      } catch (SocketException reset) {
        if (received.size() == 0) {
          throw reset;
        }
      }
      writing.get(60, TimeUnit.SECONDS);
      return parse(received.toByteArray(), Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private static Answer parse(byte[] raw, Duration took) {
    String all = new String(raw, StandardCharsets.ISO_8859_1);
    int end = all.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new AssertionError("No complete HTTP answer: " + all);
    }
    String[] lines = all.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8), took);
  }

  private static byte[] unchunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int position = 0;
    while (position < chunked.length) {
      int lineEnd = position;
      while (lineEnd + 1 < chunked.length
          && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
        lineEnd++;
      }
      String sizeLine = new String(chunked, position, lineEnd - position,
          StandardCharsets.ISO_8859_1).split(";")[0].trim();
      int size = sizeLine.isEmpty() ? 0 : Integer.parseInt(sizeLine, 16);
      if (size == 0) {
        break;
      }
      int start = lineEnd + 2;
      out.write(chunked, start, Math.min(size, chunked.length - start));
      position = start + size + 2;
    }
    return out.toByteArray();
  }
}
