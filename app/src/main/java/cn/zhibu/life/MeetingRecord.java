package cn.zhibu.life;

import java.util.List;

/**
 * The record of a meeting as a reader sees it: the meeting, its minutes (null until the record is first saved), the
 * roll with its totals, the quorum of a meeting that votes (B6, B7), the files and photos, and how many times the
 * confirmed record was corrected (更正).
 */
public record MeetingRecord(MeetingHeading meeting, Minutes minutes, AttendanceTotals attendance, List<RollEntry> roll,
                            Quorum quorum, List<RecordFile> files, int corrections) {

    public MeetingRecord {
        roll = List.copyOf(roll);
        files = List.copyOf(files);
    }
}
