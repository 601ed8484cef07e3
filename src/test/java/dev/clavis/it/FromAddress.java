package dev.clavis.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Token requests sent from a chosen loopback address (127.0.0.2, 127.0.0.3, …: Linux accepts any address of
 * 127.0.0.0/8 as a source), so that a test can play many attackers at once, each seen by the server as another
 * client address. HTTP/1.1 over a raw socket, one request per connection.
 */
final class FromAddress {

    private FromAddress() {}

    /** @return the HTTP status of a client-credentials request with HTTP Basic, sent from {@code address} */
    static int tokenRequest(String address, String clientId, String secret) {
        return Integer.parseInt(statusLine(address, clientId, secret).substring(9, 12));
    }

    /** The same to the Clavis listening on {@code port} of this machine (another instance). */
    static int tokenRequest(String address, int port, String clientId, String secret) {
        return Integer.parseInt(statusLine(address, port, clientId, secret).substring(9, 12));
    }

    /** @return the status line of that request, such as {@code HTTP/1.1 200 OK} */
    static String statusLine(String address, String clientId, String secret) {
        return statusLine(address, URI.create(Clavis.baseUrl()).getPort(), clientId, secret);
    }

    private static String statusLine(String address, int port, String clientId, String secret) {
        URI base = URI.create(Clavis.baseUrl());
        byte[] body = Clavis.GRANT.getBytes(StandardCharsets.US_ASCII);
        String head = "POST /oauth2/token HTTP/1.1\r\nHost: " + base.getHost() + ":" + port
                + "\r\nAuthorization: " + Clavis.basic(clientId, secret)
                + "\r\nContent-Type: " + Clavis.FORM
                + "\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return statusLine(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        int end = response.indexOf("\r\n");
        if (end < 12) {
            throw new IOException("No status line: " + response);
        }
        return response.substring(0, end);
    }
}
