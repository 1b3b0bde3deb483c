package io.antechamber.api.identity;

import io.antechamber.api.identity.OrganizationController.CreateOrganizationRequest;
import io.antechamber.api.identity.OrganizationController.OrganizationCreatedJson;
import io.antechamber.api.identity.OrganizationController.OwnerRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a database with no organization at all, the first start creates one, with its owner, and prints the owner's
 * human key once on standard output (as the admin token is printed, not to the log), so a new user can sign in to
 * the dashboard straight away. Replicas starting together on an empty database take an advisory lock first, so only
 * one creates it. {@code antechamber.first-org.enabled=false} turns it off (docs/configuration.md).
 */
@Component
public class FirstOrganization {

    static final String NAME = "My organization";
    static final String OWNER = "Owner";
    private static final long LOCK_KEY = 0x6669727374_6f7267L;

    private final OrganizationController organizations;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final boolean enabled;

    public FirstOrganization(OrganizationController organizations, JdbcTemplate jdbc, TransactionTemplate transaction,
            @Value("${antechamber.first-org.enabled:true}") boolean enabled) {
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void createWhenNone(ApplicationReadyEvent ready) {
        if (!enabled) {
            return;
        }
        OrganizationCreatedJson created = transaction.execute(status -> {
            jdbc.query("SELECT pg_advisory_xact_lock(?)", rows -> null, LOCK_KEY);
            Boolean any = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM org_directory)", Boolean.class);
            if (Boolean.TRUE.equals(any)) {
                return null;
            }
            return organizations.create(new CreateOrganizationRequest(NAME, new OwnerRequest(OWNER, null))).data();
        });
        if (created != null) {
            String port = ready.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
            System.out.println("No organization existed, so \"" + NAME + "\" was created with its owner \"" + OWNER
                    + "\". Sign in to the dashboard at http://localhost:" + port + "/ with the owner's human key "
                    + "(shown this once): " + created.apiKey().value());
        }
    }
}
