package io.antechamber.events.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes instants exactly as {@link Instant#toString()} does ({@code 2026-11-24T15:35:11.123456Z}: no fraction, or
 * 3, 6 or 9 digits of it) with plain digit arithmetic for the years 0000–9999, and through {@code toString()} for the
 * rest. Formatting instants with {@code DateTimeFormatter} was 10–13 % of a bulk rebuild's CPU, spent on the view
 * states' timestamps (docs/performance.md).
 */
public final class IsoInstantSerializer extends StdScalarSerializer<Instant> {

    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds. */
    private static final long FIRST_FAST = -62_167_219_200L;
    private static final long PAST_FAST = 253_402_300_800L;

    public IsoInstantSerializer() {
        super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeString(format(value));
    }

    /** The same text as {@code instant.toString()}. */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_FAST || seconds >= PAST_FAST) {
            return instant.toString();
        }
        int nanos = instant.getNano();
        int fractionDigits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        char[] text = new char[fractionDigits == 0 ? 20 : 21 + fractionDigits];
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        put(text, 0, 4, date.getYear());
        text[4] = '-';
        put(text, 5, 2, date.getMonthValue());
        text[7] = '-';
        put(text, 8, 2, date.getDayOfMonth());
        text[10] = 'T';
        put(text, 11, 2, secondOfDay / 3_600);
        text[13] = ':';
        put(text, 14, 2, secondOfDay / 60 % 60);
        text[16] = ':';
        put(text, 17, 2, secondOfDay % 60);
        if (fractionDigits > 0) {
            text[19] = '.';
            put(text, 20, fractionDigits, nanos / (fractionDigits == 3 ? 1_000_000 : fractionDigits == 6 ? 1_000 : 1));
        }
        text[text.length - 1] = 'Z';
        return new String(text);
    }

    /** Writes {@code value} as exactly {@code width} decimal digits, zero-padded, into {@code text} at {@code at}. */
    private static void put(char[] text, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
