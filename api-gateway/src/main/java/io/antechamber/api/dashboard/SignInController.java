package io.antechamber.api.dashboard;

import io.antechamber.api.auth.ApiKeys;
import io.antechamber.command.lookup.Credential;
import io.antechamber.command.lookup.Credentials;
import io.antechamber.events.common.ActorType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in to the dashboard with a human key, and out. The key is read from the form once, hashed, and never kept,
 * shown or logged: the session remembers only its hash. The sign-in form has no session to hold a CSRF token, so it
 * carries a one-use token that must match a {@code SameSite=Strict} cookie set with the form (a forged cross-site
 * form cannot sign a victim in to the forger's account).
 */
@DashboardController
public class SignInController {

    private final DashboardSessions sessions;
    private final Credentials credentials;
    private final DashboardInterceptor interceptor;
    private final SessionCookie cookies;

    public SignInController(DashboardSessions sessions, Credentials credentials, DashboardInterceptor interceptor,
            SessionCookie cookies) {
        this.sessions = sessions;
        this.credentials = credentials;
        this.interceptor = interceptor;
        this.cookies = cookies;
    }

    @GetMapping("/login")
    @SignedOut
    public String form(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (interceptor.signedIn(request).isPresent()) {
            return "redirect:/";
        }
        return signInPage(request, response, model, null);
    }

    @PostMapping("/login")
    @SignedOut
    public String signIn(@RequestParam(name = "key", required = false) String key,
            @RequestParam(name = DashboardInterceptor.CSRF_FIELD, required = false) String csrf,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<String> expected = SessionCookie.read(request, SessionCookie.SIGN_IN);
        if (csrf == null || expected.isEmpty() || !ApiKeys.constantTimeEquals(csrf, expected.get())) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return signInPage(request, response, model, "This sign-in form has expired; try again.");
        }
        String trimmed = key == null ? "" : key.strip();
        if (trimmed.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return signInPage(request, response, model, "Enter your human API key.");
        }
        String hash = ApiKeys.hash(trimmed);
        Optional<Credential> credential = credentials.findByKeyHash(hash).filter(Credential::active);
        if (credential.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return signInPage(request, response, model, "That key is unknown or revoked.");
        }
        Credential holder = credential.get();
        if (holder.actorType() != ActorType.HUMAN || holder.orgId() == null) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return signInPage(request, response, model,
                    "That is not a human key: agents use the API, people sign in with a human key (hk_...).");
        }
        String sessionId = sessions.open(holder.orgId(), holder.actorId(), hash);
        cookies.clear(request, response, SessionCookie.SIGN_IN);
        cookies.write(request, response, SessionCookie.SESSION, sessionId);
        return "redirect:/";
    }

    @PostMapping("/logout")
    public String signOut(HttpServletRequest request, HttpServletResponse response) {
        sessions.close(SignedIn.of(request).sessionIdHash());
        cookies.clear(request, response, SessionCookie.SESSION);
        return "redirect:/login";
    }

    private String signInPage(HttpServletRequest request, HttpServletResponse response, Model model,
            String problem) {
        String token = DashboardSessions.randomToken();
        cookies.write(request, response, SessionCookie.SIGN_IN, token);
        model.addAttribute("signInToken", token);
        model.addAttribute("problem", problem);
        return "login";
    }
}
