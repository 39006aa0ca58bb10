package cn.zhibu.life.appraisal;

import java.time.Instant;

/** When a stage of an appraisal opened and closed, and by whom; {@code closedAt} null while it is open. */
public record StageState(AppraisalStage stage, Instant openedAt, String openedBy, Instant closedAt, String closedBy) {

    public boolean open() {
        return closedAt == null;
    }

    public String label() {
        return stage.label();
    }
}
