package cn.zhibu.admission.internal;

import cn.zhibu.admission.AdmissionRules;
import cn.zhibu.admission.TargetPublicity;
import cn.zhibu.admission.PublicityLookup;
import cn.zhibu.platform.DataScope;
import cn.zhibu.publishing.PublicityService;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.Optional;

/**
 * Reads a 公示 from the publishing module, and only if it was published about the case by the case's branch or an
 * organization above it (D5 [2026?]: the members who were asked are the branch's): a 公示 naming the case but
 * published elsewhere does not count.
 */
@Component
class CasePublicity implements PublicityLookup {

    private final PublicityService publicity;
    private final AdmissionRecords records;

    CasePublicity(PublicityService publicity, AdmissionRecords records) {
        this.publicity = publicity;
        this.records = records;
    }

    @Override
    public Optional<AdmissionRules.Publicity> find(DataScope scope, long publicityId, long caseId) {
        Optional<String> casePath = records.find(caseId).map(CaseRow::orgPath);
        return publicity.find(scope, publicityId)
                .filter(p -> TargetPublicity.SUBJECT.equals(p.subjectType()) && Objects.equals(p.subjectId(), caseId))
                .filter(p -> casePath.filter(path -> path.startsWith(p.orgPath())).isPresent())
                .map(p -> new AdmissionRules.Publicity(p.startsOn(), p.endsOn(), p.workingDays(), p.withdrawn()));
    }
}
