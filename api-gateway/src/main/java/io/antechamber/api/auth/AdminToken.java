package io.antechamber.api.auth;

import io.antechamber.api.config.AntechamberProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The operator's token. When none is configured, one is generated and printed once on standard output (not to the
 * log, which may be shipped elsewhere), as API.md promises. A configured one shorter than {@link #MIN_LENGTH}
 * characters stops the start: the token opens every organization.
 */
@Component
public class AdminToken {

    public static final int MIN_LENGTH = 32;

    private final String token;

    public AdminToken(AntechamberProperties properties) {
        if (StringUtils.hasText(properties.adminToken())) {
            if (properties.adminToken().length() < MIN_LENGTH) {
                throw new WeakAdminTokenException(properties.adminToken().length());
            }
            token = properties.adminToken();
        } else {
            token = ApiKeys.generate("adm_");
            System.out.println("ANTECHAMBER_ADMIN_TOKEN is not set; this run's admin token is: " + token);
        }
    }

    public boolean matches(String candidate) {
        return ApiKeys.constantTimeEquals(token, candidate);
    }
}
