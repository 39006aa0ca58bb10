package cn.zhibu.life;

import java.time.YearMonth;

/**
 * What a list of meetings is narrowed to; every part may be null (no filter).
 *
 * @param orgId  the organization whose subtree is listed (managed by the caller); null: all the caller may see
 * @param month  meetings held (or to be held) in that month
 */
public record MeetingFilter(Long orgId, MeetingKind kind, YearMonth month, MeetingStatus status) {

    public static MeetingFilter none() {
        return new MeetingFilter(null, null, null, null);
    }
}
