package cn.zhibu.member;

/** A transfer to an organization that is not on the platform: its full name, and why. */
public record OutboundRequest(String externalOrg, String reason, String duesPaidUntil) {

    public OutboundRequest(String externalOrg, String reason) {
        this(externalOrg, reason, null);
    }
}
