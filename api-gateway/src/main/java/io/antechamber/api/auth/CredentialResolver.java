package io.antechamber.api.auth;

import io.antechamber.command.lookup.Credential;
import io.antechamber.command.lookup.Credentials;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Resolves a request's bearer token to a {@link ResolvedCredential}, once per request (kept as an attribute). */
@Component
public class CredentialResolver {

    private static final String ATTRIBUTE = ResolvedCredential.class.getName();

    private final Credentials credentials;
    private final AdminToken adminToken;

    public CredentialResolver(Credentials credentials, AdminToken adminToken) {
        this.credentials = credentials;
        this.adminToken = adminToken;
    }

    public ResolvedCredential resolve(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof ResolvedCredential resolved) {
            return resolved;
        }
        ResolvedCredential resolved = lookUp(request);
        request.setAttribute(ATTRIBUTE, resolved);
        return resolved;
    }

    private ResolvedCredential lookUp(HttpServletRequest request) {
        Optional<String> token = BearerToken.of(request);
        if (token.isEmpty()) {
            return ResolvedCredential.none();
        }
        if (adminToken.matches(token.get())) {
            return ResolvedCredential.admin();
        }
        String hash = ApiKeys.hash(token.get());
        Optional<Credential> holder = credentials.findByKeyHash(hash).filter(Credential::active);
        return holder.map(h -> ResolvedCredential.key(h, hash)).orElseGet(ResolvedCredential::failed);
    }
}
