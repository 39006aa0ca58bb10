package cn.zhibu.life;

import cn.zhibu.platform.AuditAction;
import cn.zhibu.platform.AuditSubject;
import cn.zhibu.platform.AuditSubject.RecordLinks;
import cn.zhibu.platform.AuditVocabulary;
import cn.zhibu.platform.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the audit entries of meeting records read: the record's fields in Chinese, and a link to the record page. */
@Component
class RecordAuditVocabulary implements AuditVocabulary {

    private final JdbcClient jdbc;

    RecordAuditVocabulary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<? extends AuditAction> actions() {
        return List.of(RecordAuditAction.values());
    }

    @Override
    public List<AuditSubject> subjects() {
        return List.of(AuditSubject.of(RecordService.ENTITY, "会议记录")
                .field("title", "会议")
                .field("heldOn", "召开日期")
                .field("kinds", "会议类型")
                .field("status", "状态", MeetingStatus.class, MeetingStatus::label)
                .field("late", "补录")
                .field("lateReason", "补录原因")
                .field("minutes", "会议记录")
                .field("resolutions", "决议")
                .field("chair", "主持人")
                .field("minutesTaker", "记录人")
                .field("present", "出席人员")
                .field("attendance", "出席情况")
                .field("quorum", "法定人数")
                .field("file", "附件")
                .field("sizeBytes", "大小（字节）")
                .field("reason", "理由")
                .hidden("sm3")
                .title("title")
                .links(this::links));
    }

    /** Records of meetings in the caller's managed subtrees. */
    private Map<String, String> links(DataScope scope, Collection<String> entityIds) {
        List<Long> ids = RecordLinks.numericIds(entityIds);
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> params = DataScope.params();
        String inScope = scope.memberScopeSql("org_path", params);
        params.put("ids", ids);
        Map<String, String> links = new LinkedHashMap<>();
        jdbc.sql("select id from life_meeting where id in (:ids) and " + inScope).params(params)
                .query((rs, i) -> links.put(Long.toString(rs.getLong(1)), "/life/meetings/" + rs.getLong(1) + "/record"))
                .list();
        return links;
    }
}
