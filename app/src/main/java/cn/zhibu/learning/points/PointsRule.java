package cn.zhibu.learning.points;

/**
 * Points for one action: how many, in which category, and at most how many a day and a year from it (null: no cap).
 */
public record PointsRule(PointsAction action, PointsCategory category, int points, Integer dayCap, Integer yearCap) {
}
