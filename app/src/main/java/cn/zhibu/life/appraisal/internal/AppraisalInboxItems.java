package cn.zhibu.life.appraisal.internal;

import cn.zhibu.life.appraisal.Appraisal;
import cn.zhibu.life.appraisal.AppraisalStage;
import cn.zhibu.platform.inbox.InboxItem;
import cn.zhibu.platform.inbox.InboxQuery;
import cn.zhibu.platform.inbox.InboxSource;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The appraisal in the inbox. A member sees what the open stage asks of them until they have done it: 请完成个人自评,
 * 请参加党员互评 (until they have written one), 请参加民主测评 (until they have voted). Those who manage a branch see its
 * unfinished appraisal: the stage open with its turnout, or the stage to start next (P1); the branch's own 书记 must
 * act, a committee above watches.
 */
@Component
class AppraisalInboxItems implements InboxSource {

    private static final String KIND = "民主评议";

    private final AppraisalRecords records;
    private final BallotBox box;

    AppraisalInboxItems(AppraisalRecords records, BallotBox box) {
        this.records = records;
        this.box = box;
    }

    @Override
    public List<InboxItem> items(InboxQuery query) {
        return query.managing() ? forManager(query) : forMember(query);
    }

    private List<InboxItem> forMember(InboxQuery query) {
        Long self = query.scope().selfMemberId();
        if (self == null) {
            return List.of();
        }
        List<InboxItem> items = new ArrayList<>();
        for (Appraisal a : records.openFor(self, AppraisalStage.SELF_ASSESSMENT)) {
            if (records.selfAssessments(a.id(), self).isEmpty()) {
                items.add(memberItem(a, "请完成个人自评", "个人自评进行中，请对照党员标准总结一年来的表现",
                        "/life/appraisals/" + a.id() + "/self"));
            }
        }
        for (Appraisal a : records.openFor(self, AppraisalStage.PEER_REVIEW)) {
            if (!records.hasReviewed(a.id(), self)) {
                items.add(memberItem(a, "请参加党员互评", "党员互评进行中，可对其他党员提出评价意见",
                        "/life/appraisals/" + a.id() + "/reviews"));
            }
        }
        for (Appraisal a : records.openFor(self, AppraisalStage.BALLOT)) {
            if (!box.hasVoted(a.id(), self)) {
                items.add(memberItem(a, "请参加民主测评", "民主测评进行中，不记名投票，每人一票",
                        "/life/appraisals/" + a.id() + "/ballot"));
            }
        }
        return items.stream().limit(query.limit()).toList();
    }

    private static InboxItem memberItem(Appraisal a, String title, String detail, String link) {
        return InboxItem.of(KIND, title, a.orgName()).detail(a.year() + "年度民主评议党员：" + detail)
                .at(a.orgId(), a.orgName(), a.orgPath()).rule("P1").link(link).mine(true).build();
    }

    private List<InboxItem> forManager(InboxQuery query) {
        List<InboxItem> items = new ArrayList<>();
        for (Appraisal a : records.unfinished(query.subtree(), query.limit())) {
            boolean mine = query.holdsRoleAt(a.orgPath());
            if (query.mineOnly() && !mine) {
                continue;
            }
            AppraisalStage open = a.openStage().orElse(null);
            String title;
            String detail;
            if (open == null) {
                AppraisalStage next = a.nextToOpen().orElse(AppraisalStage.GRADING);
                title = "民主评议待开始" + next.label();
                detail = a.statusLabel() + "，可开始" + next.label();
            } else {
                title = "民主评议" + open.label() + "进行中";
                detail = switch (open) {
                    case SELF_ASSESSMENT -> "已完成个人自评 " + a.selfAssessed() + "/" + a.participants() + " 人";
                    case BALLOT -> "已参加民主测评 " + a.voted() + "/" + a.participants() + " 人";
                    case GRADING -> "请根据支委会或党员大会的意见记录评定等次";
                    default -> "结束后可开始下一环节";
                };
            }
            items.add(InboxItem.of(KIND, a.year() + "年度" + title, a.orgName()).detail(detail)
                    .at(a.orgId(), a.orgName(), a.orgPath()).rule("P1").link("/life/appraisals/" + a.id())
                    .mine(mine).build());
        }
        return items;
    }
}
