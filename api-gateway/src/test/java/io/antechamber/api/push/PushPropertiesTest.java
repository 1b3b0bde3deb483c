package io.antechamber.api.push;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link PushProperties} never shows the VAPID private key, wherever Spring or a log prints it. */
class PushPropertiesTest {

    private static final String PRIVATE_KEY = "c2VjcmV0LXZhcGlkLXByaXZhdGUta2V5LXRoaXJ0eTI";

    @Test
    void to_string_leaves_the_private_key_out_and_keeps_the_rest() {
        PushProperties properties = new PushProperties("BPublicKey", PRIVATE_KEY, "mailto:ops@example.com", true);

        assertThat(properties.toString()).doesNotContain(PRIVATE_KEY).contains("vapidPrivateKey=(set)")
                .contains("BPublicKey").contains("mailto:ops@example.com").contains("allowPrivateEndpoints=true");
        assertThat(new PushProperties(null, null, null, false).toString()).contains("vapidPrivateKey=(not set)");
    }
}
