package io.antechamber.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook settings ({@code antechamber.webhooks.*}), documented in docs/configuration.md.
 *
 * @param allowPrivateTargets whether webhook URLs may point at loopback, private, link-local, multicast or other
 *                            internal addresses ({@code ANTECHAMBER_WEBHOOKS_ALLOW_PRIVATE_TARGETS}); off, they are
 *                            refused at registration and skipped at delivery
 */
@ConfigurationProperties("antechamber.webhooks")
public record WebhookProperties(@DefaultValue("false") boolean allowPrivateTargets) {
}
