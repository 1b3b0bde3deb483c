package io.antechamber.api.config;

import io.antechamber.command.watcher.TargetAddresses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link TargetAddresses} that registration and delivery both ask where a webhook may go. */
@Configuration
public class WebhookConfiguration {

    @Bean
    public TargetAddresses targetAddresses(WebhookProperties webhooks) {
        return new TargetAddresses(webhooks.allowPrivateTargets());
    }
}
