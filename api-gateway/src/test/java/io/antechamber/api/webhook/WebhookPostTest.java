package io.antechamber.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.config.WebhookDeliveryConfiguration;
import io.antechamber.api.config.WebhookDeliveryProperties;
import io.antechamber.command.watcher.TargetAddresses;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.Test;

/** One POST against a receiver on a raw socket, which can misbehave in ways a real HTTP server would not. */
class WebhookPostTest {

    /**
     * The status decides: a receiver that answers 200 at once and then trickles an endless body has answered. Only
     * a few KiB of a body are ever read, so the body does not keep the attempt open until its time limit.
     */
    @Test
    void a_2xx_is_a_success_whatever_body_follows_it() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                CloseableHttpClient client = new WebhookDeliveryConfiguration().webhookHttpClient(
                        new TargetAddresses(true), new WebhookDeliveryProperties(List.of(Duration.ofSeconds(1)),
                                4, 4, 1));
                WebhookPost post = new WebhookPost(client, Clock.systemUTC())) {
            Thread receiver = new Thread(() -> answerOkWithEndlessBody(server));
            receiver.setDaemon(true);
            receiver.start();

            WebhookPost.Response response = post.send("http://127.0.0.1:" + server.getLocalPort() + "/hook",
                    Map.of("webhook-id", "dlv_test"), "{}");

            assertThat(response.error()).isNull();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.successful()).isTrue();
        }
    }

    private static void answerOkWithEndlessBody(ServerSocket server) {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            byte[] request = new byte[8192];
            in.read(request); // headers and the small body arrive together
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ntransfer-encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("400\r\n" + "x".repeat(1024) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            while (true) {
                out.write(chunk);
                out.flush();
                Thread.sleep(50);
            }
        } catch (IOException | InterruptedException e) {
            // the client hung up: the point
        }
    }
}
