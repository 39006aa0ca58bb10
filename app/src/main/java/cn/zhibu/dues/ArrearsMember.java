package cn.zhibu.dues;

import java.time.YearMonth;

/** A member in arrears on a subtree's list: who, where, how long, since when. */
public record ArrearsMember(long memberId, String name, long orgId, String orgName, int months, YearMonth since,
                            YearMonth until, ArrearsStage stage) {

    public String stageLabel() {
        return stage.label();
    }
}
