package cn.zhibu.life.checkin;

import cn.zhibu.life.LifeAuditAction;
import cn.zhibu.platform.AuditAction;
import cn.zhibu.platform.AuditSubject;
import cn.zhibu.platform.AuditVocabulary;
import cn.zhibu.platform.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How check-in's audit entries read: one subject, an invitee's attendance of a meeting (entity id
 * {@code <meeting>:<member>}), linked to the meeting's roll for those who manage its organization.
 */
@Component
class CheckinAuditVocabulary implements AuditVocabulary {

    static final String SUBJECT = "life_attendance";

    private final JdbcClient jdbc;

    CheckinAuditVocabulary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** None of its own: check-in's actions are {@link LifeAuditAction}'s, which the module's vocabulary lists. */
    @Override
    public List<? extends AuditAction> actions() {
        return List.of();
    }

    @Override
    public List<AuditSubject> subjects() {
        return List.of(AuditSubject.of(SUBJECT, "会议出勤")
                .field("meetingTitle", "会议")
                .field("memberName", "党员")
                .field("checkedInAt", "签到时间")
                .field("checkedInBy", "手工签到人")
                .field("checkedInReason", "手工签到原因")
                .field("checkedOutAt", "签退时间")
                .field("checkedOutBy", "手工签退人")
                .field("checkedOutReason", "手工签退原因")
                .field("makeupOn", "补课日期")
                .field("makeupNote", "补课情况")
                .field("makeupBy", "补课登记人")
                .hidden("meetingId", "memberId")
                .title("memberName")
                .links(this::rollLinks));
    }

    /** An entry links to its meeting's roll when the caller manages the meeting's organization. */
    private Map<String, String> rollLinks(DataScope scope, Collection<String> entityIds) {
        Map<Long, List<String>> byMeeting = new LinkedHashMap<>();
        for (String id : entityIds) {
            Long meeting = meetingOf(id);
            if (meeting != null) {
                byMeeting.computeIfAbsent(meeting, m -> new java.util.ArrayList<>()).add(id);
            }
        }
        if (byMeeting.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> params = DataScope.params();
        String inScope = scope.memberScopeSql("org_path", params);
        params.put("ids", byMeeting.keySet());
        Map<String, String> links = new LinkedHashMap<>();
        jdbc.sql("select id from life_meeting where id in (:ids) and " + inScope).params(params)
                .query(Long.class).list()
                .forEach(meeting -> byMeeting.get(meeting)
                        .forEach(id -> links.put(id, "/life/meetings/" + meeting + "/attendance")));
        return links;
    }

    private static Long meetingOf(String entityId) {
        if (Objects.isNull(entityId) || !entityId.matches("[0-9]{1,18}:[0-9]{1,18}")) {
            return null;
        }
        return Long.valueOf(entityId.substring(0, entityId.indexOf(':')));
    }
}
