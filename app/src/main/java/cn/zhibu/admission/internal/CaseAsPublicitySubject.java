package cn.zhibu.admission.internal;

import cn.zhibu.admission.TargetPublicity;
import cn.zhibu.platform.DataScope;
import cn.zhibu.publishing.PublicitySubject;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** A 发展党员 case as the subject of a 公示 (D5 [2026?]): found only within the publisher's scope. */
@Component
class CaseAsPublicitySubject implements PublicitySubject {

    private final AdmissionRecords records;

    CaseAsPublicitySubject(AdmissionRecords records) {
        this.records = records;
    }

    @Override
    public String type() {
        return TargetPublicity.SUBJECT;
    }

    @Override
    public Optional<String> orgPathInScope(DataScope scope, long id) {
        return records.find(id).map(CaseRow::orgPath).filter(scope::managesMembersAt);
    }
}
