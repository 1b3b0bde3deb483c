package io.antechamber.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection, used by one thread at a time. Deliberately minimal (no TLS, no redirects, no
 * pipelining) so that the client costs little CPU on a 2-core machine that also runs the app and PostgreSQL, and so
 * that every scenario and the /v1/ping baseline pay exactly the same client cost.
 *
 * <p>The server may end a connection (Tomcat closes a keep-alive connection after 100 requests by default and says
 * so with {@code Connection: close}); the next request then opens a new one. A request on a reused connection that
 * fails before any byte of the answer arrived is retried once on a fresh connection: the server closed an idle
 * connection and never saw the request.
 */
final class Http implements Closeable {

    private static final int TIMEOUT_MS = 30_000;

    record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final String host;
    private final int port;
    private final byte[] hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private long connects;

    Http(String host, int port) {
        this.host = host;
        this.port = port;
        this.hostHeader = ("Host: " + host + ":" + port + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    long connects() {
        return connects;
    }

    Response get(String path, String token) throws IOException {
        return request("GET", path, token, null);
    }

    Response post(String path, String token, String json) throws IOException {
        return request("POST", path, token, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    /** A POST with extra header lines ({@code "name: value\r\n"} each), e.g. a webhook's signature headers. */
    Response postSigned(String path, String headers, byte[] body) throws IOException {
        return request("POST", path, null, headers, body);
    }

    Response request(String method, String path, String token, byte[] body) throws IOException {
        return request(method, path, token, "", body);
    }

    private Response request(String method, String path, String token, String headers, byte[] body)
            throws IOException {
        boolean reused = socket != null;
        try {
            return exchange(method, path, token, headers, body);
        } catch (StaleConnection e) {
            close();
            if (!reused) {
                throw e;
            }
            return exchange(method, path, token, headers, body);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private Response exchange(String method, String path, String token, String headers, byte[] body)
            throws IOException {
        if (socket == null) {
            open();
        }
        ByteArrayOutputStream head = new ByteArrayOutputStream(256);
        head.writeBytes((method + " " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII));
        head.writeBytes(hostHeader);
        if (token != null) {
            head.writeBytes(("Authorization: Bearer " + token + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        head.writeBytes(headers.getBytes(StandardCharsets.US_ASCII));
        if (body != null) {
            head.writeBytes(("Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write(head.toByteArray());
        if (body != null) {
            out.write(body);
        }
        out.flush();
        return readResponse();
    }

    private Response readResponse() throws IOException {
        String statusLine = readLine(true);
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String line = readLine(false); !line.isEmpty(); line = readLine(false)) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase().contains("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            }
        }
        byte[] body;
        if (status == 204 || status == 304) {
            body = new byte[0]; // no body, whatever the headers say (RFC 9112, 6.3)
        } else if (chunked) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(false);
                int semicolon = sizeLine.indexOf(';');
                int size = Integer.parseInt(semicolon < 0 ? sizeLine.trim() : sizeLine.substring(0, semicolon).trim(),
                        16);
                if (size == 0) {
                    while (!readLine(false).isEmpty()) {
                        // trailers
                    }
                    break;
                }
                all.writeBytes(in.readNBytes(size));
                readLine(false);
            }
            body = all.toByteArray();
        } else if (length >= 0) {
            body = in.readNBytes((int) length);
            if (body.length != length) {
                throw new EOFException("body cut short");
            }
        } else {
            body = in.readAllBytes();
            close = true;
        }
        if (close) {
            close();
        }
        return new Response(status, body);
    }

    /** A line without its CRLF; the first line of an answer distinguishes "nothing came back" (stale). */
    private String readLine(boolean first) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (first && line.length() == 0) {
                    throw new StaleConnection();
                }
                throw new EOFException("connection closed mid-answer");
            }
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) b);
        }
    }

    private void open() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(TIMEOUT_MS);
        s.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 16384);
        out = new BufferedOutputStream(s.getOutputStream(), 16384);
        connects++;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }

    private static final class StaleConnection extends EOFException {
        StaleConnection() {
            super("the server closed the connection before answering");
        }
    }
}
