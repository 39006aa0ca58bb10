package cn.zhibu.life;

import cn.zhibu.life.internal.MeetingRecords;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditAction;
import cn.zhibu.platform.AuditSubject;
import cn.zhibu.platform.AuditSubject.RecordLinks;
import cn.zhibu.platform.AuditVocabulary;
import cn.zhibu.platform.DataScope;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** How the audit entries of meetings read: 安排、修改、取消会议, answers and leave, each linked to its meeting. */
@Component
class LifeAuditVocabulary implements AuditVocabulary {

    private final MeetingRecords meetings;
    private final OrganizationService organizations;

    LifeAuditVocabulary(MeetingRecords meetings, OrganizationService organizations) {
        this.meetings = meetings;
        this.organizations = organizations;
    }

    @Override
    public List<? extends AuditAction> actions() {
        return List.of(LifeAuditAction.values());
    }

    @Override
    public List<AuditSubject> subjects() {
        return List.of(AuditSubject.of(LifeAuditAction.ENTITY, "组织生活会议")
                .field("orgId", "召开组织", raw -> raw instanceof Number n ? organizations.describe(n.longValue()).name() : null)
                .field("title", "会议名称")
                .field("kinds", "会议类型", LifeAuditVocabulary::kinds)
                .field("startsAt", "开始时间")
                .field("endsAt", "结束时间")
                .field("place", "地点")
                .field("onlineLink", "线上会议链接")
                .field("agenda", "议程")
                .field("speakerName", "党课主讲人")
                .field("status", "状态", MeetingStatus.class, MeetingStatus::label)
                .field("cancelledReason", "取消原因")
                .field("invited", "应参加人数")
                .field("memberName", "党员")
                .field("response", "答复", InviteeResponse.class, InviteeResponse::label)
                .field("leaveReason", "请假事由")
                .field("leaveStatus", "请假审批", LeaveStatus.class, LeaveStatus::label)
                .hidden("speakerMemberId", "memberId")
                .title("title")
                .links(this::links));
    }

    private static String kinds(Object raw) {
        if (!(raw instanceof List<?> codes)) {
            return null;
        }
        return String.join("、", codes.stream().map(c -> {
            try {
                return MeetingKind.valueOf(Objects.toString(c)).label();
            } catch (IllegalArgumentException e) {
                return Objects.toString(c);
            }
        }).toList());
    }

    /** Meetings in the caller's managed scope link to their page. */
    private Map<String, String> links(DataScope scope, Collection<String> entityIds) {
        Map<String, String> links = new LinkedHashMap<>();
        for (Long id : meetings.inScope(scope, RecordLinks.numericIds(entityIds))) {
            links.put(Long.toString(id), "/life/meetings/" + id);
        }
        return links;
    }
}
