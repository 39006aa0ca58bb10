package cn.zhibu.publishing.internal;

import cn.zhibu.publishing.Publicity;
import cn.zhibu.publishing.PublicityService;
import cn.zhibu.platform.inbox.InboxItem;
import cn.zhibu.platform.inbox.InboxQuery;
import cn.zhibu.platform.inbox.InboxSource;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * 公示 in the inbox. A manager sees the open 公示 of their subtree until the period ends (the publishing
 * organization's own 书记 must then act on the opinions received); a member sees the open 公示 addressed to them on
 * which they have not yet given an opinion, until they do.
 */
@Component
class PublicityInboxItems implements InboxSource {

    private static final String KIND = "党务公开";

    private final PublicityService publicity;

    PublicityInboxItems(PublicityService publicity) {
        this.publicity = publicity;
    }

    @Override
    public List<InboxItem> items(InboxQuery query) {
        List<Publicity> open = publicity.openNow(query.scope(), query.limit());
        if (query.managing()) {
            return open.stream().filter(p -> query.subtree().contains(p.orgPath()))
                    .filter(p -> !query.mineOnly() || query.holdsRoleAt(p.orgPath()))
                    .map(p -> InboxItem.of(KIND, "公示中：" + p.title(), p.orgName())
                            .detail("公示期" + p.startsOn() + "至" + p.endsOn() + "，已收到意见" + p.commentCount() + "条")
                            .at(p.orgId(), p.orgName(), p.orgPath()).due(p.endsOn(), query.today())
                            .link("/publicity/" + p.id()).mine(query.holdsRoleAt(p.orgPath())).build())
                    .toList();
        }
        return open.stream().filter(p -> !publicity.manages(query.scope(), p))
                .filter(p -> publicity.takesCommentsFrom(query.scope(), p) && !publicity.commentedBy(query.scope(), p.id()))
                .map(p -> InboxItem.of(KIND, "征求意见：" + p.title(), p.orgName())
                        .detail("公示期" + p.startsOn() + "至" + p.endsOn() + "，如有意见请在公示期内提出")
                        .at(p.orgId(), p.orgName(), p.orgPath()).due(p.endsOn(), query.today())
                        .link("/publicity/" + p.id()).mine(true).build())
                .toList();
    }
}
