package cn.zhibu.life;

/**
 * One invitee on the roll of a meeting.
 *
 * @param voting counts for the quorum of a 支部党员大会 or 支委会 (正式党员 not under 留党察看)
 */
public record RollEntry(long memberId, String name, boolean voting, Presence presence, String presenceLabel) {

    public RollEntry(long memberId, String name, boolean voting, Presence presence) {
        this(memberId, name, voting, presence, presence.label());
    }

    public boolean present() {
        return presence.present();
    }
}
