package cn.zhibu.life.web;

import cn.zhibu.life.checkin.CheckinTimes;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.SensibleDate;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** The forms of an invitee's page, as posted: fields may be missing, the service says which. */
final class AttendanceForms {

    private AttendanceForms() {
    }

    /** A check-in or check-out by hand: the reason, and the time (the browser's date-time field, local time). */
    record ByHandForm(@NoteText("原因") String reason,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime at) {

        Instant instant() {
            return at == null ? null : at.atZone(CheckinTimes.zone()).toInstant();
        }
    }

    record MakeupForm(@SensibleDate("补课日期") LocalDate on, @NoteText("补课情况") String note) {
    }
}
