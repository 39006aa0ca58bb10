package cn.zhibu.member;

import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.SensibleDate;
import cn.zhibu.platform.input.ShortText;

import java.time.LocalDate;

/** Registering a member as away: where, why, since when, for how long, whether at a fixed place, how to reach them. */
public record OutflowForm(@ShortText("外出地点") String destination, @NoteText("外出原因") String reason,
                          @SensibleDate("外出日期") LocalDate leftOn, Boolean fixedPlace,
                          @ShortText("联系方式") String contact, @ShortText("活动证编号") String certificateNo,
                          Integer expectedMonths) {

    public OutflowForm(String destination, String reason, LocalDate leftOn, Boolean fixedPlace, String contact,
                       String certificateNo) {
        this(destination, reason, leftOn, fixedPlace, contact, certificateNo, null);
    }
}
