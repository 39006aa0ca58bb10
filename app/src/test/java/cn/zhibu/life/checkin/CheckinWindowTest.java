package cn.zhibu.life.checkin;

import cn.zhibu.life.MeetingFixture;
import cn.zhibu.life.MeetingStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When scans are taken, at the edges, with the defaults (30 minutes before the start; check-out until 60 minutes after
 * the end). The meeting runs 14:00–15:30.
 */
class CheckinWindowTest {

    private static final Instant START = Instant.parse("2026-11-20T06:00:00Z");
    private static final Instant END = Instant.parse("2026-11-20T07:30:00Z");
    private static final CheckinMeeting MEETING = new CheckinMeeting(1, 2, "/1/2/", "主题党日", START, END,
            LocalDate.of(2026, 11, 20), "活动室", MeetingStatus.PLANNED);
    private static final CheckinSettings DEFAULTS = new CheckinSettings(30, 60);

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource({
            // too early by one minute, exactly at the opening, and a second before it
            "IN,  2026-11-20T05:29:00Z, NOT_YET",
            "IN,  2026-11-20T05:29:59Z, NOT_YET",
            "IN,  2026-11-20T05:30:00Z, OPEN",
            "IN,  2026-11-20T06:00:00Z, OPEN",
            // until the end, included; a second later it is closed
            "IN,  2026-11-20T07:30:00Z, OPEN",
            "IN,  2026-11-20T07:30:01Z, CLOSED",
            // check-out opens with check-in and stays open an hour after the end
            "OUT, 2026-11-20T05:29:59Z, NOT_YET",
            "OUT, 2026-11-20T05:30:00Z, OPEN",
            "OUT, 2026-11-20T08:30:00Z, OPEN",
            "OUT, 2026-11-20T08:30:01Z, CLOSED"})
    void scans_are_taken_from_the_opening_to_the_close_both_included(CheckinPurpose purpose, Instant at, String expected) {
        CheckinWindow window = CheckinWindow.of(MEETING, purpose, DEFAULTS);
        String actual = window.notYetOpen(at) ? "NOT_YET" : window.closed(at) ? "CLOSED" : "OPEN";
        assertThat(actual).isEqualTo(expected);
        assertThat(window.open(at)).isEqualTo(expected.equals("OPEN"));
    }

    @ParameterizedTest(name = "open {0} min before, check-out {1} min after")
    @CsvSource({"0, 0", "10, 15", "1440, 1440"})
    void the_minutes_are_configuration(int before, int after) {
        CheckinSettings settings = new CheckinSettings(before, after);
        assertThat(CheckinWindow.of(MEETING, CheckinPurpose.IN, settings).opensAt()).isEqualTo(START.minusSeconds(60L * before));
        assertThat(CheckinWindow.of(MEETING, CheckinPurpose.IN, settings).closesAt()).isEqualTo(END);
        assertThat(CheckinWindow.of(MEETING, CheckinPurpose.OUT, settings).closesAt()).isEqualTo(END.plusSeconds(60L * after));
    }
}
