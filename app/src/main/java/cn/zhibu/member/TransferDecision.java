package cn.zhibu.member;

import java.time.Instant;

/** One step of a transfer as decided: approved, refused (with the reason) or the transfer withdrawn. */
public record TransferDecision(int seq, TransferStep step, String decision, String note, String decidedBy,
                               Instant decidedAt) {

    public String decisionLabel() {
        return switch (decision) {
            case "APPROVED" -> step == TransferStep.RECEIVING_ORG ? "接收" : "同意";
            case "REFUSED" -> "退回";
            case "CANCELLED" -> "撤回";
            default -> decision;
        };
    }
}
