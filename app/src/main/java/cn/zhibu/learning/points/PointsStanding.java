package cn.zhibu.learning.points;

/** One line of a leaderboard (only when leaderboards are turned on). */
public record PointsStanding(int rank, long memberId, String memberName, int total) {
}
