package io.antechamber.api.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One-shot HTTP/1.0 requests from a chosen local address, for tests of what the server believes by the peer's address
 * (trusted proxies): on Linux every 127.x.y.z is the loopback interface, so a socket bound to 127.0.0.2 reaches the
 * server as a different peer than 127.0.0.1. {@link Http} cannot choose its local address.
 */
public final class PeerHttp {

    private final String localAddress;
    private final int port;

    public PeerHttp(String localAddress, int port) {
        this.localAddress = localAddress;
        this.port = port;
    }

    public Response send(String method, String path, Map<String, String> headers, String jsonBody) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            if (jsonBody != null) {
                request.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " from " + localAddress + " failed", e);
        }
    }

    /** An HTTP/1.0 response ends when the server closes the connection. */
    private static Response parse(InputStream in) throws IOException {
        String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int end = raw.indexOf("\r\n\r\n");
        String[] lines = raw.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim(), List.of(lines[i].substring(colon + 1).trim()));
        }
        return new Response(status, raw.substring(end + 4), headers);
    }
}
