package cn.zhibu.admission;

import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.publishing.Publicity;
import cn.zhibu.publishing.PublicityDraft;
import cn.zhibu.publishing.PublicityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;

/** The 公示 of an activist about to become a 发展对象 (D5 [2026?]), published to the branch by the publishing module. */
@Service
public class TargetPublicity {

    /** The subject type of a case's 公示 in the publishing module. */
    public static final String SUBJECT = "admission_case";

    private final AdmissionService admission;
    private final PublicityService publications;

    TargetPublicity(AdmissionService admission, PublicityService publications) {
        this.admission = admission;
        this.publications = publications;
    }

    /**
     * D5 [2026?]: publishes the 公示 of an activist about to become a 发展对象, to the members of the branch, for
     * five working days from {@code startsOn} (comments open until the last of them).
     */
    @Transactional
    public Publicity publish(DataScope scope, long id, LocalDate startsOn, String body) {
        AdmissionCase c = admission.get(scope, id);
        if (c.stage() != AdmissionStage.ACTIVIST) {
            throw InvalidInputException.of("", "只有入党积极分子拟确定为发展对象时才发起此公示");
        }
        String text = body == null || body.isBlank() ? "经党支部委员会研究，拟将" + c.name() + "同志确定为发展对象。"
                + "公示期间，党员和群众可通过本页面或向党支部反映情况和意见。" : body.strip();
        return publications.publish(scope, new PublicityDraft(c.orgId(), "关于拟确定" + c.name() + "同志为发展对象的公示",
                text, startsOn, RuleSet.TARGET_PUBLICITY_WORKING_DAYS, SUBJECT, id));
    }

    /**
     * The rule set the decision on a 发展对象 (step 7) would be judged by: the one in force on the first day it may be
     * made (D5: a year after the activist was chosen), or today if that day has passed.
     */
    public RuleSet targetRuleSet(AdmissionCase c, LocalDate today) {
        return AdmissionFlow.of(c).targetRuleSet(admission.ruleSets(), today);
    }

    /** Whether the case page offers this 公示: an activist whose 发展对象 decision needs one (D5 [2026?]). */
    public boolean offered(AdmissionCase c, LocalDate today) {
        return c.stage() == AdmissionStage.ACTIVIST && targetRuleSet(c, today).publicityBeforeTarget();
    }

    /** The 公示 published about a case, newest first. */
    public List<Publicity> of(DataScope scope, long id) {
        admission.get(scope, id);
        return publications.forSubject(scope, SUBJECT, id);
    }
}
