package cn.zhibu.life.web;

import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.RecordAmendment;
import cn.zhibu.life.RecordForm;
import cn.zhibu.platform.input.LongText;
import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.SensibleDate;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The record form and the correction form as posted by the page: resolutions one per line, the roll as checkboxes
 * ({@code rollShown} tells an empty roll from one not on the form), and whether the minutes were edited in the editor
 * ("false" when the editor ran and nothing was typed: the editor's own rewriting of the HTML is no correction).
 */
record RecordPageForm(@LongText("会议记录") String minutes, @LongText("决议") String resolutions,
                      @NameText("主持人") String chair, @NameText("记录人") String minutesTaker, List<Long> present,
                      Boolean rollShown, @NoteText("补录原因") String lateReason,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @SensibleDate("召开日期") LocalDate heldOn,
                      List<MeetingKind> kinds, String minutesEdited, @NoteText("更正理由") String reason) {

    RecordForm toForm() {
        return new RecordForm(minutes, lines(), chair, minutesTaker, presentIds(), lateReason);
    }

    RecordAmendment toAmendment() {
        return new RecordAmendment(heldOn, kinds, "false".equals(minutesEdited) ? null : minutes, lines(), chair,
                minutesTaker, presentIds(), reason);
    }

    private List<String> lines() {
        return resolutions == null ? List.of() : Arrays.stream(resolutions.split("\\R")).toList();
    }

    private List<Long> presentIds() {
        if (!Boolean.TRUE.equals(rollShown)) {
            return null;
        }
        return present == null ? List.of() : present;
    }
}
