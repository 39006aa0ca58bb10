package cn.zhibu.admission.internal;

import cn.zhibu.admission.AdmissionRules;
import cn.zhibu.admission.TargetPublicity;
import cn.zhibu.admission.PublicityLookup;
import cn.zhibu.platform.DataScope;
import cn.zhibu.publishing.PublicityService;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.Optional;

/** Reads a 公示 from the publishing module, and only if it was published about the case. */
@Component
class CasePublicity implements PublicityLookup {

    private final PublicityService publicity;

    CasePublicity(PublicityService publicity) {
        this.publicity = publicity;
    }

    @Override
    public Optional<AdmissionRules.Publicity> find(DataScope scope, long publicityId, long caseId) {
        return publicity.find(scope, publicityId)
                .filter(p -> TargetPublicity.SUBJECT.equals(p.subjectType()) && Objects.equals(p.subjectId(), caseId))
                .map(p -> new AdmissionRules.Publicity(p.startsOn(), p.endsOn(), p.workingDays(), p.withdrawn()));
    }
}
