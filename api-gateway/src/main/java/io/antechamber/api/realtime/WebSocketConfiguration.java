package io.antechamber.api.realtime;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * The room feed's WebSocket endpoint, plain WebSocket (no STOMP). Every origin may connect: the credential is a bearer
 * token the page must hold, never a cookie the browser adds, so a foreign page gains nothing by connecting.
 */
@Configuration
@EnableWebSocket
public class WebSocketConfiguration implements WebSocketConfigurer {

    public static final String PATH = "/v1/rooms/{room}/ws";

    private final RoomSocketHandler handler;
    private final RoomSocketHandshake handshake;

    public WebSocketConfiguration(RoomSocketHandler handler, RoomSocketHandshake handshake) {
        this.handler = handler;
        this.handshake = handshake;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, PATH).addInterceptors(handshake).setAllowedOriginPatterns("*");
    }
}
