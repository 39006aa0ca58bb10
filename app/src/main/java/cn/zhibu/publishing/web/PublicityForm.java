package cn.zhibu.publishing.web;

import cn.zhibu.platform.input.LongText;
import cn.zhibu.platform.input.SensibleDate;
import cn.zhibu.platform.input.ShortText;
import cn.zhibu.publishing.PublicityDraft;

import java.time.LocalDate;

/** The publish form as posted: fields may be missing, the service says which. */
record PublicityForm(Long orgId, @ShortText("标题") String title, @LongText("公示内容") String body,
                     @SensibleDate("开始日期") LocalDate startsOn, Integer workingDays) {

    PublicityDraft draft() {
        return new PublicityDraft(orgId == null ? 0 : orgId, title, body, startsOn,
                workingDays == null ? 0 : workingDays, null, null);
    }
}
