package io.antechamber.api.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An HTTP/1.1 proxy in front of the application that forwards every request, one per connection, and answers it;
 * except the first check-in create: that one reaches the application (which creates the check-in) and then the
 * connection is closed without a byte of the answer, as when a network drops a response.
 */
final class ResponseLosingProxy implements AutoCloseable {

    /** A create the proxy forwarded: the Idempotency-Key it carried and the body the application answered. */
    record Create(String idempotencyKey, int status, String answer, boolean answerLost) {
    }

    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "upgrade",
            "http2-settings", "expect", "transfer-encoding");

    private final ServerSocket server;
    private final URI target;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicBoolean lostOne = new AtomicBoolean();
    private final List<Create> creates = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    ResponseLosingProxy(int targetPort) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = URI.create("http://127.0.0.1:" + targetPort);
        this.acceptor = daemon(this::accept);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    List<Create> creates() {
        return creates;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                daemon(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            String[] requestLine = line(in).split(" ");
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
            }
            int length = Integer.parseInt(find(headers, "content-length", "0"));
            byte[] body = in.readNBytes(length);
            HttpResponse<byte[]> answer = forward(requestLine[0], requestLine[1], headers, body);
            boolean isCreate = "POST".equals(requestLine[0]) && requestLine[1].endsWith("/check-in");
            boolean lose = isCreate && lostOne.compareAndSet(false, true);
            if (isCreate) {
                creates.add(new Create(find(headers, "idempotency-key", null), answer.statusCode(),
                        new String(answer.body(), StandardCharsets.UTF_8), lose));
            }
            if (!lose) {
                write(socket.getOutputStream(), answer);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away; nothing to answer
        }
    }

    private HttpResponse<byte[]> forward(String method, String path, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(path)).timeout(Duration.ofSeconds(90))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                request.header(name, value);
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void write(OutputStream out, HttpResponse<byte[]> answer) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 " + answer.statusCode() + " Proxied\r\n");
        answer.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n"));
            }
        });
        head.append("Content-Length: ").append(answer.body().length).append("\r\nConnection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(answer.body());
        out.flush();
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "response-losing-proxy");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static String find(Map<String, String> headers, String name, String otherwise) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(otherwise);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("the connection ended mid-request");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }
}
