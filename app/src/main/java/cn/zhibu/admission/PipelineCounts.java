package cn.zhibu.admission;

import java.util.Map;

/**
 * S1's development figures for a subtree: people at each open stage now, and those admitted (approved as 预备党员)
 * and converted in the given year.
 */
public record PipelineCounts(Map<AdmissionStage, Long> byStage, int year, long admittedInYear, long convertedInYear) {

    public long at(AdmissionStage stage) {
        return byStage.getOrDefault(stage, 0L);
    }
}
