package cn.zhibu.life;

/** What an invitee answered (codes as stored in {@code life_invitee.response}). */
public enum InviteeResponse {
    CONFIRMED("确认参加"),
    LEAVE("请假");

    private final String label;

    InviteeResponse(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
