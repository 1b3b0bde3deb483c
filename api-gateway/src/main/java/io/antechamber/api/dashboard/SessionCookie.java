package io.antechamber.api.dashboard;

import io.antechamber.api.web.ClientAddress;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The dashboard's cookies: {@link #SESSION} carries the session id, {@link #SIGN_IN} the one-use token of the sign-in
 * form (there is no session yet to hold it). Both are {@code HttpOnly} and {@code SameSite=Strict}, and
 * {@code Secure} when the request came over HTTPS: directly, or through a proxy listed in
 * {@code ANTECHAMBER_TRUSTED_PROXIES} that says so in {@code X-Forwarded-Proto} ({@link ClientAddress#viaHttps}).
 */
@Component
class SessionCookie {

    static final String SESSION = "antechamber_session";
    static final String SIGN_IN = "antechamber_sign_in";

    private final ClientAddress clientAddress;

    SessionCookie(ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
    }

    static Optional<String> read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> name.equals(c.getName())).map(Cookie::getValue)
                .filter(v -> !v.isEmpty()).findFirst();
    }

    /** Sets the cookie for the browser session (no {@code Max-Age}: closing the browser ends it too). */
    void write(HttpServletRequest request, HttpServletResponse response, String name, String value) {
        response.addHeader(HttpHeaders.SET_COOKIE, builder(request, name, value).build().toString());
    }

    void clear(HttpServletRequest request, HttpServletResponse response, String name) {
        response.addHeader(HttpHeaders.SET_COOKIE, builder(request, name, "").maxAge(Duration.ZERO).build().toString());
    }

    private ResponseCookie.ResponseCookieBuilder builder(HttpServletRequest request, String name, String value) {
        return ResponseCookie.from(name, value).path("/").httpOnly(true).sameSite("Strict")
                .secure(clientAddress.viaHttps(request));
    }
}
