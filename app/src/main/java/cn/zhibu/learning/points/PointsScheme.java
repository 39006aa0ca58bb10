package cn.zhibu.learning.points;

import java.util.Map;

/**
 * The scheme that applies to a member's year: the nearest organization's (or the platform default, {@code orgId}
 * null) for that year (or for any year, {@code year} null).
 */
public record PointsScheme(long id, Integer year, Long orgId, int baseMax, int taskMax, int rewardMax, String source,
                           Map<PointsAction, PointsRule> rules) {

    public int max(PointsCategory category) {
        return switch (category) {
            case BASE -> baseMax;
            case TASK -> taskMax;
            case REWARD -> rewardMax;
        };
    }

    public int total() {
        return baseMax + taskMax + rewardMax;
    }
}
