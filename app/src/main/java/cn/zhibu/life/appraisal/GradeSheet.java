package cn.zhibu.life.appraisal;

import java.time.LocalDate;
import java.util.List;

/**
 * The grades proposed at the end of an appraisal (P1's last step), as the secretary records them.
 *
 * @param proposedBy the 支委会 (only where the branch has one) or the 党员大会
 * @param heldOn     the day of that meeting: the day the appraisal counts for (B11); with {@code meetingId}, the
 *                   meeting's own day (may be left out)
 * @param meetingId  the recorded meeting (life_meeting) of the branch where the grades were proposed, if it is
 *                   recorded on the platform; it then counts as the year's 民主评议 too
 * @param grades     one grade for each 正式党员 taking part, none for a 预备党员 (P2)
 */
public record GradeSheet(ProposingBody proposedBy, LocalDate heldOn, Long meetingId, List<Entry> grades) {

    public GradeSheet {
        grades = grades == null ? List.of() : List.copyOf(grades);
    }

    /** One member's grade, with a note (for 不合格: the education and help planned first, P2). */
    public record Entry(Long memberId, Grade grade, String note) {
    }
}
