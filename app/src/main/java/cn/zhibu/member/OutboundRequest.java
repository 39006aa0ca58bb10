package cn.zhibu.member;

import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.ShortText;
/** A transfer to an organization that is not on the platform: its full name, and why. */
public record OutboundRequest(@NameText("转入党组织全称") String externalOrg, @NoteText("转接原因") String reason,
                              @ShortText("党费交至") String duesPaidUntil) {

    public OutboundRequest(String externalOrg, String reason) {
        this(externalOrg, reason, null);
    }
}
