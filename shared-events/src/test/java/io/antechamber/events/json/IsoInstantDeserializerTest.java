package io.antechamber.events.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantDeserializerTest {

    private final ObjectMapper plain = new ObjectMapper().registerModule(new JavaTimeModule());
    private final ObjectMapper fast = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new IsoInstantModule());

    @Test
    void reads_every_instant_as_instant_to_string_writes_it() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000) / (int) Math.pow(10, random.nextInt(7)));
            assertThat(IsoInstantDeserializer.parse(instant.toString())).isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-11-24T15:35:11Z\"", "\"2026-11-24T15:35:11.1Z\"", "\"2026-11-24T15:35:11.123456789Z\"",
            "\"2024-02-29T00:00:00.000Z\"", "\"2026-11-24T15:35:11+01:00\"", "\"+12026-11-24T15:35:11Z\"",
            "1795534411.5", "1795534411", "\"2026-11-24T23:59:60Z\""})
    void agrees_with_jackson_on_whatever_jackson_accepts(String json) throws Exception {
        assertThat(fast.readValue(json, Instant.class)).isEqualTo(plain.readValue(json, Instant.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-24T24:00:00Z",
            "2026-11-24T15:35:11.Z", "2026-11-24T15:35:11.1234567890Z", "2026-11-24 15:35:11Z", "2026-11-24T15:35:1xZ",
            "2026-11-24T15:35:11"})
    void leaves_anything_else_to_jackson(String text) {
        assertThat(IsoInstantDeserializer.parse(text)).isNull();
    }
}
