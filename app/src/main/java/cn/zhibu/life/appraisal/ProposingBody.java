package cn.zhibu.life.appraisal;

import cn.zhibu.life.MeetingKind;

/** Who proposes the grades at the end of the appraisal (P1): the 支委会, or the 党员大会 (always possible). */
public enum ProposingBody {
    COMMITTEE("支委会", MeetingKind.COMMITTEE),
    GENERAL_ASSEMBLY("支部党员大会", MeetingKind.GENERAL_ASSEMBLY);

    private final String label;
    private final MeetingKind meetingKind;

    ProposingBody(String label, MeetingKind meetingKind) {
        this.label = label;
        this.meetingKind = meetingKind;
    }

    public String label() {
        return label;
    }

    /** The kind a linked meeting must have. */
    public MeetingKind meetingKind() {
        return meetingKind;
    }
}
