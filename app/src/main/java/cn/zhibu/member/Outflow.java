package cn.zhibu.member;

import java.time.LocalDate;
import java.time.Period;

/** A member away from their branch (外出流动党员), as the home branch keeps it (R2). */
public record Outflow(long id, long memberId, String memberName, long orgId, String orgName, String destination,
                      String reason, LocalDate leftOn, boolean fixedPlace, String contact, String certificateNo,
                      LocalDate lastContactOn, LocalDate returnedOn, int version, Integer expectedMonths) {

    /** Whole months away up to {@code today} (or the return). */
    public int monthsAway(LocalDate today) {
        LocalDate end = returnedOn != null ? returnedOn : today;
        return (int) Period.between(leftOn, end).toTotalMonths();
    }

    public boolean away() {
        return returnedOn == null;
    }
}
