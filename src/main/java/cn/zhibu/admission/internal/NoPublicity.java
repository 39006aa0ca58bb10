package cn.zhibu.admission.internal;

import cn.zhibu.admission.AdmissionRules;
import cn.zhibu.admission.PublicityLookup;
import cn.zhibu.platform.DataScope;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Until the publishing module answers: no 公示 is found, so the 2026 rules refuse a 发展对象 without one. */
@Component
class NoPublicity implements PublicityLookup {

    @Override
    public Optional<AdmissionRules.Publicity> find(DataScope scope, long publicityId) {
        return Optional.empty();
    }
}
