package dev.clavis.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * HTTP/1.1 over a plain socket, for the requests {@code java.net.http.HttpClient} refuses to send: control bytes in a
 * header, several {@code Authorization} headers, a {@code Content-Length} that lies, an unnormalised path, an odd
 * request line. It writes the bytes it is given and reads what comes back, however malformed.
 */
final class RawHttp {

    /**
     * A response as read from the wire; status 0 when the server closed the connection without answering, -1 when
     * what it sent was not HTTP.
     */
    record Response(int status, String reason, Map<String, List<String>> headers, byte[] body) {

        static Response none() {
            return new Response(0, "", Map.of(), new byte[0]);
        }

        Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_BODY = 4 * 1024 * 1024;
    private static final int WRITE_IN_BACKGROUND = 128 * 1024;
    private static final ExecutorService WRITERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "raw-http-writer");
        thread.setDaemon(true);
        return thread;
    });

    private RawHttp() {}

    /**
     * Sends {@code request} exactly and reads the answers.
     *
     * @param local the local address to connect from (another loopback address is another client), or null
     * @param head whether the request was a HEAD, whose answer has no body whatever its headers say
     * @param halfClose whether to close the sending side once written: for a body shorter than it claims, so the
     *     server sees its end rather than waiting for bytes that never come
     * @param pipelined whether more than one answer may come (bytes beyond the declared body are a second request)
     */
    static List<Response> exchange(
            URI base, InetAddress local, byte[] request, boolean head, boolean halfClose, boolean pipelined) {
        List<Response> responses = new ArrayList<>();
        try (Socket socket = new Socket()) {
            if (local != null) {
                socket.bind(new InetSocketAddress(local, 0));
            }
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            if (request.length > WRITE_IN_BACKGROUND) {
                // A server may answer (and stop reading) before a large body is written; read while writing.
                WRITERS.submit(() -> write(socket, out, request, halfClose));
            } else {
                write(socket, out, request, halfClose);
            }
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            while (true) {
                Response response = read(in, head);
                if (response == null) {
                    break;
                }
                responses.add(response);
                if (!pipelined
                        || response.header("connection")
                                .map(value -> value.equalsIgnoreCase("close"))
                                .orElse(false)) {
                    break;
                }
                socket.setSoTimeout(3_000);
            }
        } catch (SocketTimeoutException e) {
            // what arrived before the timeout is the answer
        } catch (IOException e) {
            if (!isReset(e) && responses.isEmpty()) {
                responses.add(new Response(-1, "unreadable answer: " + e.getMessage(), Map.of(), new byte[0]));
            }
        }
        if (responses.isEmpty()) {
            responses.add(Response.none());
        }
        return responses;
    }

    /** A reset or broken connection is a way of answering too (for a body beyond what the server drains). */
    private static boolean isReset(IOException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return e instanceof java.net.SocketException
                && (message.contains("reset") || message.contains("broken pipe") || message.contains("closed"));
    }

    private static void write(Socket socket, OutputStream out, byte[] request, boolean halfClose) {
        try {
            for (int offset = 0; offset < request.length; offset += 16 * 1024) {
                out.write(request, offset, Math.min(16 * 1024, request.length - offset));
            }
            out.flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
        } catch (IOException e) {
            // the server stopped reading: it has answered or closed, which the reader sees
        }
    }

    /** @return the next final response, or null at the end of the stream */
    private static Response read(InputStream in, boolean head) throws IOException {
        while (true) {
            String statusLine = line(in);
            if (statusLine == null) {
                return null;
            }
            if (statusLine.isEmpty()) {
                continue;
            }
            String[] parts = statusLine.split(" ", 3);
            int status;
            try {
                status = Integer.parseInt(parts[1]);
            } catch (RuntimeException e) {
                throw new IOException("Not an HTTP status line: " + statusLine);
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(
                                    header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                                    name -> new ArrayList<>())
                            .add(header.substring(colon + 1).strip());
                }
            }
            if (status >= 100 && status < 200 && status != 101) {
                continue; // 100 Continue and friends: the final answer follows
            }
            if (status == 101) {
                return new Response(status, parts.length > 2 ? parts[2] : "", headers, new byte[0]); // not HTTP/1.1 now
            }
            byte[] body = head || status == 204 || status == 304 ? new byte[0] : body(in, headers);
            return new Response(status, parts.length > 2 ? parts[2] : "", headers, body);
        }
    }

    private static byte[] body(InputStream in, Map<String, List<String>> headers) throws IOException {
        List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
        if (encoding.stream().anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("chunked"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = line(in);
                if (size == null) {
                    return body.toByteArray();
                }
                int semicolon = size.indexOf(';');
                int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
                if (length == 0) {
                    for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                        // trailers are not needed
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(Math.min(length, MAX_BODY)));
                line(in);
            }
        }
        List<String> length = headers.get("content-length");
        if (length != null) {
            return in.readNBytes((int) Math.min(Long.parseLong(length.get(0)), MAX_BODY));
        }
        return in.readNBytes(MAX_BODY);
    }

    /** @return a line without its CRLF (or LF), or null at the end of the stream */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("A header line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
