package cn.zhibu.life.compliance;

import cn.zhibu.life.MeetingKind;

import java.time.YearMonth;

/**
 * What an organization held of one kind in one month, by the day held: meetings that count (held and recorded), their
 * invitees and attendance, and how many of them were recorded late (补录).
 */
public record HeldMonth(MeetingKind kind, YearMonth month, int meetings, int invited, int attended, int late) {
}
