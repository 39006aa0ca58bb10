package cn.zhibu.life;

import cn.zhibu.platform.input.LongText;
import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.SensibleDate;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A correction (更正) of a confirmed record, with its reason. A field left null keeps its value.
 *
 * @param heldOn           the day the meeting was really held (its times move with it); not later than today, and
 *                         within the 补录 window of the day the meeting was recorded
 * @param kinds            what the meeting counts for
 * @param presentMemberIds every invitee present who did not check in by scan (the roll is replaced)
 * @param reason           why the record was wrong (required)
 */
public record RecordAmendment(@SensibleDate("召开日期") LocalDate heldOn,
                              @Size(max = 8, message = "会议类型最多8种") List<MeetingKind> kinds,
                              @LongText("会议记录") String minutes,
                              @Size(max = RecordForm.MAX_RESOLUTIONS, message = "决议最多" + RecordForm.MAX_RESOLUTIONS + "条")
                              List<String> resolutions,
                              @NameText("主持人") String chair, @NameText("记录人") String minutesTaker,
                              @Size(max = RecordForm.MAX_ROLL, message = "出席名单最多" + RecordForm.MAX_ROLL + "人")
                              List<Long> presentMemberIds,
                              @NoteText("更正理由") String reason) {
}
