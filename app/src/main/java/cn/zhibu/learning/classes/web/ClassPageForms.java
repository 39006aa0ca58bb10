package cn.zhibu.learning.classes.web;

import cn.zhibu.learning.classes.ClassDraft;
import cn.zhibu.learning.classes.SessionDraft;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.SensibleDate;
import cn.zhibu.platform.input.ShortText;
import org.springframework.format.annotation.DateTimeFormat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** The forms of the 培训班 pages, as posted: fields may be missing, the service says which. */
final class ClassPageForms {

    private ClassPageForms() {
    }

    /** Opening a class; {@code concentrated} is a checkbox (absent: not concentrated). */
    record OpenForm(Long orgId, @ShortText("名称") String title, @ShortText("地点") String place,
                    @SensibleDate("开班日期") LocalDate startsOn, @SensibleDate("结业日期") LocalDate endsOn,
                    Boolean concentrated) {

        static OpenForm blank(Long orgId, LocalDate today) {
            return new OpenForm(orgId, null, null, today, today, true);
        }

        ClassDraft draft() {
            return new ClassDraft(orgId == null ? 0 : orgId, title, place, startsOn, endsOn, Boolean.TRUE.equals(concentrated));
        }
    }

    /** A session: its times in China Standard Time (the browser's date-time fields), or a life meeting's. */
    record SessionForm(@ShortText("课次名称") String title,
                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endsAt,
                       BigDecimal hours, Long meetingId) {

        static SessionForm blank() {
            return new SessionForm(null, null, null, null, null);
        }

        SessionDraft draft() {
            return new SessionDraft(title, startsAt, endsAt, hours, meetingId);
        }
    }

    /** A check-in and check-out entered or corrected by the organizer, with the reason. */
    record AttendanceForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime checkedInAt,
                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime checkedOutAt,
                          @NoteText("原因") String reason) {
    }
}
