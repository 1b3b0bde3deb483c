package io.antechamber.api.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.client.AntechamberClient;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A request that calls no tool builds no client; one that does builds one, whatever it calls; the key never shows. */
class LazyAgentClientTest {

    private static final String KEY = "ak_" + "k".repeat(40);

    @Test
    void the_client_is_built_on_first_use_once_and_its_key_never_shows() {
        AtomicInteger built = new AtomicInteger();
        LazyAgentClient lazy = new LazyAgentClient(() -> {
            built.incrementAndGet();
            return AntechamberClient.builder().baseUrl(URI.create("http://127.0.0.1:1")).apiKey(KEY).build();
        });
        assertThat(built).hasValue(0);
        assertThat(lazy.toString()).doesNotContain(KEY);

        AntechamberClient client = lazy.get();
        assertThat(lazy.get()).isSameAs(client);
        assertThat(built).hasValue(1);
        assertThat(lazy.toString()).doesNotContain(KEY);
    }
}
