package cn.zhibu.admission;

import cn.zhibu.platform.DataScope;

import java.util.Optional;

/** The 公示 a step relies on (D5 [2026?]), as the rules see it: only one published about this very case counts. */
public interface PublicityLookup {

    Optional<AdmissionRules.Publicity> find(DataScope scope, long publicityId, long caseId);
}
