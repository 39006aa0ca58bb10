package cn.zhibu.publishing.web;

import cn.zhibu.publishing.PublicityDraft;

import java.time.LocalDate;

/** The publish form as posted: fields may be missing, the service says which. */
record PublicityForm(Long orgId, String title, String body, LocalDate startsOn, Integer workingDays) {

    PublicityDraft draft() {
        return new PublicityDraft(orgId == null ? 0 : orgId, title, body, startsOn,
                workingDays == null ? 0 : workingDays, null, null);
    }
}
