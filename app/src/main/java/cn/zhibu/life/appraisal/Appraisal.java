package cn.zhibu.life.appraisal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A branch's 民主评议党员 of one year, as a caller sees it: its stages so far (P1), how many take part, how many are
 * graded (the 正式党员, P2), how many have written their 个人自评 and cast their ballot, and — once complete — who
 * proposed the grades (支委会 or 党员大会), on which day ({@code heldOn}, the day that counts for B11) and at which
 * recorded meeting.
 */
public record Appraisal(long id, long orgId, String orgName, String orgPath, int year, List<StageState> stages,
                        int participants, int fullMembers, int selfAssessed, int voted, ProposingBody proposedBy,
                        LocalDate heldOn, Long meetingId, String createdBy, Instant createdAt, Instant completedAt) {

    public Appraisal {
        stages = List.copyOf(stages);
    }

    public Optional<StageState> stage(AppraisalStage stage) {
        return stages.stream().filter(s -> s.stage() == stage).findFirst();
    }

    /** The stage open now, if any. */
    public Optional<AppraisalStage> openStage() {
        return stages.stream().filter(StageState::open).map(StageState::stage).findFirst();
    }

    public boolean isOpen(AppraisalStage stage) {
        return stage(stage).map(StageState::open).orElse(false);
    }

    public boolean closed(AppraisalStage stage) {
        return stage(stage).map(s -> !s.open()).orElse(false);
    }

    /** The grades have been recorded: the appraisal is complete and locked. */
    public boolean completed() {
        return completedAt != null;
    }

    /** The stage that may be opened now: the next one, once the last opened has closed; empty otherwise. */
    public Optional<AppraisalStage> nextToOpen() {
        if (completed() || openStage().isPresent()) {
            return Optional.empty();
        }
        AppraisalStage last = stages.isEmpty() ? null : stages.get(stages.size() - 1).stage();
        return Optional.ofNullable(last == null ? AppraisalStage.SELF_ASSESSMENT : last.next());
    }

    /** Where it stands, in Chinese: "民主测评进行中", "党员互评已结束", "已完成". */
    public String statusLabel() {
        if (completed()) {
            return "已完成";
        }
        if (stages.isEmpty()) {
            return "未开始";
        }
        StageState last = stages.get(stages.size() - 1);
        return last.label() + (last.open() ? "进行中" : "已结束");
    }
}
