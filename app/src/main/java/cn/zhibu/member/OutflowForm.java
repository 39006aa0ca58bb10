package cn.zhibu.member;

import java.time.LocalDate;

/** Registering a member as away: where, why, since when, for how long, whether at a fixed place, how to reach them. */
public record OutflowForm(String destination, String reason, LocalDate leftOn, Boolean fixedPlace, String contact,
                          String certificateNo, Integer expectedMonths) {

    public OutflowForm(String destination, String reason, LocalDate leftOn, Boolean fixedPlace, String contact,
                       String certificateNo) {
        this(destination, reason, leftOn, fixedPlace, contact, certificateNo, null);
    }
}
