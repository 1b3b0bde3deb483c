package io.antechamber.events.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantSerializerTest {

    private final ObjectMapper plain = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final ObjectMapper fast = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new IsoInstantModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void writes_every_instant_as_instant_to_string_does() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-70_000_000_000L, 260_000_000_000L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000) / (int) Math.pow(10, random.nextInt(10)));
            assertThat(IsoInstantSerializer.format(instant)).isEqualTo(instant.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z", "2024-02-29T12:00:00.100Z",
            "2026-11-24T15:35:11.000001Z", "2026-11-24T15:35:11.120Z"})
    void agrees_with_jackson_at_the_edges(String text) throws Exception {
        Instant instant = Instant.parse(text);
        assertThat(fast.writeValueAsString(instant)).isEqualTo(plain.writeValueAsString(instant));
        assertThat(fast.readValue(fast.writeValueAsString(instant), Instant.class)).isEqualTo(instant);
    }
}
