package cn.zhibu.learning.points;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A member's year of points: each category's total (基础分 = its maximum + the deductions), the total, the scheme and
 * every entry with its reason, newest first.
 */
public record PointsYear(long memberId, String memberName, int year, int base, int task, int reward,
                         PointsScheme scheme, List<PointsEntry> entries) {

    @JsonProperty("total")
    public int total() {
        return base + task + reward;
    }
}
