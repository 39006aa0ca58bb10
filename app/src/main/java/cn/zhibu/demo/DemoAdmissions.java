package cn.zhibu.demo;

import cn.zhibu.admission.AdmissionCase;
import cn.zhibu.admission.AdmissionService;
import cn.zhibu.admission.AdmissionStep;
import cn.zhibu.admission.ApplicationForm;
import cn.zhibu.admission.DecidingBody;
import cn.zhibu.admission.RecommendationMethod;
import cn.zhibu.admission.StepForm;
import cn.zhibu.member.Education;
import cn.zhibu.member.Gender;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.Occupation;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;

import java.time.LocalDate;
import java.util.List;

/**
 * A few people on their way into the party in the demo secretary's branch, at different stages, with one talk
 * overdue and one activist due for review — so the pipeline and the to-do list have something to show. None is
 * admitted yet: the registry stays as loaded.
 */
final class DemoAdmissions {

    private final AdmissionService admission;
    private final DataScope scope;
    private final PersonalNumbers numbers;
    private final LocalDate today;
    private long secretaryId;

    DemoAdmissions(AdmissionService admission, DataScope scope, PersonalNumbers numbers, LocalDate today) {
        this.admission = admission;
        this.scope = scope;
        this.numbers = numbers;
        this.today = today;
    }

    void open(PlacedOrg branch) {
        List<Long> full = branch.members().stream().filter(m -> m.status() == MemberStatus.FULL).map(Member::id)
                .limit(2).toList();
        long orgId = branch.org().id();
        secretaryId = branch.member(DemoAccounts.SECRETARY_NAME).id();
        // a fresh application, and one whose talk is overdue (D3)
        apply(orgId, "苏晓雯", Gender.FEMALE, LocalDate.of(2001, 3, 14), today.minusDays(6));
        apply(orgId, "郝志远", Gender.MALE, LocalDate.of(1997, 10, 2), today.minusDays(45));
        // an activist due for review (D4)
        AdmissionCase activist = apply(orgId, "韩雪", Gender.FEMALE, LocalDate.of(1999, 6, 20), today.minusMonths(8));
        toActivist(activist, today.minusMonths(7).plusDays(3), today.minusMonths(7).plusDays(10), full.subList(0, 1));
        // an activist of more than a year who may now become a 发展对象 (D5)
        AdmissionCase ready = apply(orgId, "沈浩然", Gender.MALE, LocalDate.of(1995, 1, 8), today.minusMonths(16));
        LocalDate chosen = today.minusMonths(14);
        toActivist(ready, today.minusMonths(16).plusDays(12), chosen, full);
        record(ready, StepForm.simple(AdmissionStep.ACTIVIST_REVIEW, chosen.plusMonths(6), "党支部", "表现良好"));
        record(ready, StepForm.simple(AdmissionStep.ACTIVIST_REVIEW, chosen.plusMonths(12), "党支部", "表现良好"));
    }

    private void toActivist(AdmissionCase c, LocalDate talkOn, LocalDate chosenOn, List<Long> contacts) {
        // D3: the branch secretary holds the talk, picked from the roll
        record(c, StepForm.simple(AdmissionStep.FIRST_TALK, talkOn, null, null).withTalkers(List.of(secretaryId),
                List.of()));
        record(c, new StepForm(AdmissionStep.ACTIVIST_CHOSEN, chosenOn, "支部委员会", null, null,
                RecommendationMethod.MEMBERS, DecidingBody.COMMITTEE, null, null, null, null, null, null, null, null,
                null, null, null));
        record(c, StepForm.simple(AdmissionStep.ACTIVIST_FILED, chosenOn.plusDays(7), "机关党委", null));
        record(c, StepForm.simple(AdmissionStep.CONTACTS_ASSIGNED, chosenOn.plusDays(7), "支部委员会", null)
                .withMembers(contacts));
    }

    private void record(AdmissionCase c, StepForm form) {
        admission.record(scope, c.id(), form);
    }

    private AdmissionCase apply(long orgId, String name, Gender gender, LocalDate birth, LocalDate appliedOn) {
        // a random 身份证号 may, rarely, be a member's: draw another
        for (int attempt = 0; ; attempt++) {
            try {
                return admission.apply(scope, new ApplicationForm(orgId, name, numbers.idNumber("汉族", birth, gender),
                        "汉族", Education.BACHELOR, Occupation.PROFESSIONAL, "市发展改革委", numbers.mobile(), appliedOn));
            } catch (InvalidInputException e) {
                if (attempt > 5 || !e.fieldErrors().containsKey("idNumber")) {
                    throw e;
                }
            }
        }
    }
}
