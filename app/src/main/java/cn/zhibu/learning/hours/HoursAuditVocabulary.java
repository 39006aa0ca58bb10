package cn.zhibu.learning.hours;

import cn.zhibu.platform.AuditAction;
import cn.zhibu.platform.AuditSubject;
import cn.zhibu.platform.AuditVocabulary;
import org.springframework.stereotype.Component;

import java.util.List;

/** How the hours part's audit entries read: trainings recorded from certificates and transcripts issued. */
@Component
class HoursAuditVocabulary implements AuditVocabulary {

    static final String EXTERNAL = "study_external";
    static final String TRANSCRIPT = "study_transcript";

    @Override
    public List<? extends AuditAction> actions() {
        return List.of(HoursAuditAction.values());
    }

    @Override
    public List<AuditSubject> subjects() {
        return List.of(
                AuditSubject.of(EXTERNAL, "其他培训学时")
                        .field("memberName", "党员")
                        .field("title", "培训名称")
                        .field("trainedOn", "培训日期")
                        .field("hours", "学时")
                        .field("place", "培训地点")
                        .field("concentrated", "集中培训", v -> Boolean.TRUE.equals(v) ? "是" : "否")
                        .field("certificateNo", "证书编号")
                        .field("note", "备注")
                        .hidden("memberId")
                        .title("memberName", "title"),
                AuditSubject.of(TRANSCRIPT, "年度学时证明")
                        .field("memberName", "党员")
                        .field("year", "年度")
                        .field("hours", "学时")
                        .field("contentHash", "内容摘要（SM3）")
                        .hidden("memberId")
                        .title("memberName", "year"));
    }
}
