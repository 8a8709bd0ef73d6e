package org.popcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.popcast.models.pinn.PinnTrainRun;

import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsHoursMinutesAndSecondsAndPrintsThemBack() {
        assertEquals(Duration.ofSeconds(90), converter.convert("90s"));
        assertEquals(Duration.ofMinutes(10), converter.convert("10m"));
        assertEquals(Duration.ofMinutes(90), converter.convert("1h30m"));
        assertEquals(Duration.ofSeconds(7325), converter.convert("2h2m5s"));
        assertEquals("1h30m", PinnTrainRun.format(converter.convert("1h30m")));
        assertEquals("2h2m5s", PinnTrainRun.format(Duration.ofSeconds(7325)));
        assertEquals("10m", PinnTrainRun.format(Duration.ofMinutes(10)));
        assertEquals("45s", PinnTrainRun.format(Duration.ofSeconds(45)));
    }

    @Test
    void refusesWhatIsNotADuration() {
        for (String bad : new String[] {"", "10", "10 min", "m", "0s", "1.5h", "-5m"}) {
            assertThrows(TypeConversionException.class, () -> converter.convert(bad), bad);
        }
    }
}
