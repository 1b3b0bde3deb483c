package io.antechamber.api.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay in front of the application that notes the {@code Last-Event-ID} of every request that reached it, so
 * a test can tell a resume the server did from a replay the client de-duplicated. The relay passes bytes through
 * untouched (an event stream flows as it is sent); it carries only header-only requests (GETs), so the client-to-app
 * bytes are a run of header blocks. When the application is down, a connection is closed at once, as a dead server's
 * would be, and nothing is noted.
 */
final class EventStreamTap implements AutoCloseable {

    /** What a request carried when it had no Last-Event-ID. */
    static final String NONE = "";

    private final ServerSocket server;
    private final int targetPort;
    private final List<String> lastEventIds = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    EventStreamTap(int targetPort) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        daemon(this::accept);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** The Last-Event-ID of each request that reached the application, in order ({@link #NONE} when absent). */
    List<String> lastEventIds() {
        return List.copyOf(lastEventIds);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                daemon(() -> relay(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        open.add(client);
        try (client; Socket app = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            open.add(app);
            daemon(() -> pipe(app, client));
            noteAndForward(client, app);
        } catch (IOException gone) {
            // the application is down or a side closed: the client sees a dropped connection
        } finally {
            open.remove(client);
        }
    }

    private void noteAndForward(Socket client, Socket app) throws IOException {
        InputStream in = client.getInputStream();
        OutputStream out = app.getOutputStream();
        StringBuilder pending = new StringBuilder();
        byte[] buffer = new byte[8192];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            pending.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
            for (int end = pending.indexOf("\r\n\r\n"); end >= 0; end = pending.indexOf("\r\n\r\n")) {
                lastEventIds.add(lastEventId(pending.substring(0, end)));
                pending.delete(0, end + 4);
            }
            out.write(buffer, 0, read);
            out.flush();
        }
    }

    private static String lastEventId(String headerBlock) {
        for (String line : headerBlock.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("last-event-id:")) {
                return line.substring("last-event-id:".length()).trim();
            }
        }
        return NONE;
    }

    /** Copies one direction until it ends, then closes both sockets so the other direction ends too. */
    private void pipe(Socket from, Socket to) {
        try (from; to) {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException ended) {
            // closing both is all that is left to do
        } finally {
            open.remove(from);
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "event-stream-tap");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
