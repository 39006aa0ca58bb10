package cn.zhibu.learning.hours.internal;

import cn.zhibu.learning.StudyCredit;
import cn.zhibu.learning.StudyHours;
import cn.zhibu.learning.StudySource;
import cn.zhibu.life.AttendanceListener;
import cn.zhibu.life.MeetingAttendance;
import cn.zhibu.life.MeetingKind;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 学时 from organizational life (RULES.md §7): a meeting held and recorded that a member checked in
 * to and out of credits the minutes present ÷ 60 (2 decimals, never more than the meeting's length), as 党课
 * (LECTURE) when its kinds include 党课, else as MEETING, on the day it was held. Anything else — not held, no
 * check-out, a check-out taken back — withdraws what the meeting credited; a change of kinds moves the credit.
 */
@Component
class MeetingCredits implements AttendanceListener {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private final StudyHours hours;

    MeetingCredits(StudyHours hours) {
        this.hours = hours;
    }

    @Override
    public void attendance(MeetingAttendance a) {
        StudySource source = a.kinds().contains(MeetingKind.LECTURE) ? StudySource.LECTURE : StudySource.MEETING;
        StudySource other = source == StudySource.LECTURE ? StudySource.MEETING : StudySource.LECTURE;
        hours.withdraw(a.memberId(), other, a.meetingId());
        if (!a.attendedWithCheckout()) {
            hours.withdraw(a.memberId(), source, a.meetingId());
            return;
        }
        long minutes = Math.min(a.minutesPresent(), a.meetingMinutes());
        BigDecimal credited = BigDecimal.valueOf(minutes).divide(SIXTY, 2, RoundingMode.HALF_UP);
        hours.credit(new StudyCredit(a.memberId(), source, a.meetingId(), label(a.title()), credited, a.heldOn(),
                false));
    }

    private static String label(String title) {
        return title.length() <= 200 ? title : title.substring(0, 200);
    }
}
