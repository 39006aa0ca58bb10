package cn.zhibu.life;

import java.util.List;

/**
 * The totals of a meeting's roll: invited = present + on leave + absent.
 *
 * @param summary 应到8人，实到6人，请假1人，缺席1人
 */
public record AttendanceTotals(int invited, int present, int onLeave, int absent, String summary) {

    public static AttendanceTotals of(List<RollEntry> roll) {
        int present = (int) roll.stream().filter(RollEntry::present).count();
        int onLeave = (int) roll.stream().filter(r -> r.presence() == Presence.ON_LEAVE).count();
        int absent = roll.size() - present - onLeave;
        return new AttendanceTotals(roll.size(), present, onLeave, absent,
                "应到" + roll.size() + "人，实到" + present + "人，请假" + onLeave + "人，缺席" + absent + "人");
    }
}
