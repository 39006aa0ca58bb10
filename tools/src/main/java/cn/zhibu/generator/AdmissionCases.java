package cn.zhibu.generator;

import cn.zhibu.admission.AdmissionFlow;
import cn.zhibu.admission.AdmissionStage;
import cn.zhibu.admission.AdmissionStep;
import cn.zhibu.admission.DecidingBody;
import cn.zhibu.admission.NextStep;
import cn.zhibu.admission.RecommendationMethod;
import cn.zhibu.admission.RuleSet;
import cn.zhibu.admission.RuleSets;
import cn.zhibu.admission.StepForm;
import cn.zhibu.admission.StepRecord;
import cn.zhibu.member.Education;
import cn.zhibu.member.Gender;
import cn.zhibu.member.Occupation;
import cn.zhibu.platform.FieldCipher;
import cn.zhibu.platform.Masking;
import cn.zhibu.platform.db.CopyStream;
import cn.zhibu.platform.db.CopyText;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * People on their way into the party in every branch: about one for every fifteen members, as 申请人, 积极分子 and
 * 发展对象, each with the steps their stage implies, dated before the reference day and valid under the 2014 rules.
 * What is stored as derived (stage, next step and its date, nearest deadline) comes from {@link AdmissionFlow}, as
 * the app computes it. The roll-up is left to one aggregate statement afterwards.
 */
final class AdmissionCases {

    private static final String CASE_COLUMNS = "id, org_id, root_id, name, gender, birth_date, id_number_enc, "
            + "id_number_hash, id_number_masked, ethnicity, education, occupation, stage, applied_on, next_step, next_date, next_earliest, "
            + "next_due";
    private static final String STEP_COLUMNS = "id, case_id, step, done_on, form_json, rule_set, recorded_by";
    private static final int MEMBERS_PER_CASE = 15;

    private final FieldCipher cipher;
    private final JsonMapper json;
    private final RuleSets rules = RuleSets.of(null);

    AdmissionCases(FieldCipher cipher, JsonMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    /** One generated case, with its steps numbered from {@code firstStepId}. */
    private record Generated(long caseId, PlannedOrg branch, Person person, List<StepRecord> steps) {
    }

    private interface CaseSink {
        void accept(Generated generated) throws SQLException;
    }

    /** @return how many cases were written: the cases in one pass, their steps in a second identical one */
    long write(Connection connection, ProvincePlan plan, long seed, LocalDate today) throws SQLException {
        long written;
        CopyText cases = new CopyText(1 << 20);
        try (CopyStream copy = CopyStream.open(connection, "admission_case", CASE_COLUMNS)) {
            written = generate(plan, seed, today, g -> {
                AdmissionFlow flow = new AdmissionFlow(g.steps());
                Optional<NextStep> next = flow.next(rules);
                LocalDate due = flow.deadlines(rules).stream().map(NextStep::date).findFirst().orElse(null);
                Person p = g.person();
                cases.number(g.caseId()).tab().number(g.branch().id()).tab()
                        .number(g.branch().rootId()).tab().text(p.name()).tab().text(p.gender().name()).tab()
                        .date(p.birth()).tab().bytea(cipher.encrypt(p.idNumber())).tab()
                        .bytea(cipher.lookupHash(p.idNumber())).tab().text(Masking.idNumber(p.idNumber())).tab()
                        .text("汉族").tab()
                        .text(p.education().name()).tab().text(p.occupation().name()).tab()
                        .text(flow.stage().name()).tab().date(g.steps().get(0).doneOn()).tab()
                        .number(next.map(s -> (Integer) s.step().number()).orElse(null)).tab()
                        .date(next.map(NextStep::date).orElse(null)).tab()
                        .text(Boolean.toString(next.map(NextStep::earliest).orElse(false))).tab()
                        .date(due).endRow();
                copy.sendIfFull(cases);
            });
            copy.send(cases);
            copy.finish();
        }
        CopyText steps = new CopyText(1 << 20);
        try (CopyStream copy = CopyStream.open(connection, "admission_step", STEP_COLUMNS)) {
            generate(plan, seed, today, g -> {
                for (StepRecord r : g.steps()) {
                    steps.number(r.id()).tab().number(g.caseId()).tab().number(r.step().number()).tab()
                            .date(r.doneOn()).tab().text(json.writeValueAsString(r.form())).tab()
                            .text(RuleSet.V2014.name()).tab().text("数据生成器").endRow();
                }
                copy.sendIfFull(steps);
            });
            copy.send(steps);
            copy.finish();
        }
        return written;
    }

    /** The same cases, in the same order, with the same numbers, every time it is called with the same seed. */
    private long generate(ProvincePlan plan, long seed, LocalDate today, CaseSink sink) throws SQLException {
        Map<Integer, String> regions = new HashMap<>();
        plan.chunks().forEach(c -> regions.putIfAbsent(c.county().index, c.region()));
        int[] branchMembers = new int[plan.orgs().size()];
        for (PlannedOrg org : plan.orgs()) {
            PlannedOrg branch = org.type.isBranch() ? org
                    : org.parent != null && org.parent.type.isBranch() ? org.parent : null;
            if (branch != null) {
                branchMembers[branch.index] += org.members;
            }
        }
        Map<String, IdNumbers> idsByRegion = new HashMap<>();
        long caseId = 0;
        long stepId = 0;
        for (PlannedOrg branch : plan.orgs()) {
            int members = branchMembers[branch.index];
            if (!branch.type.isBranch() || members == 0) {
                continue;
            }
            SplittableRandom random = new SplittableRandom(seed * 31 + branch.id());
            int n = members / MEMBERS_PER_CASE
                    + (random.nextInt(MEMBERS_PER_CASE) < members % MEMBERS_PER_CASE ? 1 : 0);
            IdNumbers ids = idsByRegion.computeIfAbsent(region(branch, regions), r -> new IdNumbers(r, 9));
            for (int k = 0; k < n; k++) {
                Person person = person(random, ids, today);
                List<StepRecord> records = new ArrayList<>();
                for (StepForm f : steps(random, today)) {
                    records.add(new StepRecord(++stepId, f.step(), f.doneOn(), f, RuleSet.V2014, "数据生成器", null));
                }
                sink.accept(new Generated(++caseId, branch, person, records));
            }
        }
        return caseId;
    }

    private record Person(String name, Gender gender, LocalDate birth, String idNumber, Education education,
                          Occupation occupation) {
    }

    private static Person person(SplittableRandom random, IdNumbers ids, LocalDate today) {
        Gender gender = random.nextInt(100) < 45 ? Gender.FEMALE : Gender.MALE;
        LocalDate birth = today.minusYears(20 + random.nextInt(20)).minusDays(random.nextInt(365));
        String name = PersonNames.next(gender, birth.getYear(), random);
        Education education = random.nextInt(100) < 70 ? Education.BACHELOR : Education.COLLEGE;
        Occupation occupation = random.nextInt(100) < 60 ? Occupation.PROFESSIONAL : Occupation.WORKER;
        return new Person(name, gender, birth, ids.next(birth, gender, random), education, occupation);
    }

    /**
     * The steps of one person: 申请人 (35%), 积极分子 (50%), 发展对象 (15%), spread over the last two and a half years
     * with the intervals the rules ask for (D3's talk within a month, D4's half-yearly reviews, D5's year).
     */
    private static List<StepForm> steps(SplittableRandom random, LocalDate today) {
        int roll = random.nextInt(100);
        AdmissionStage stage = roll < 35 ? AdmissionStage.APPLICANT : roll < 85 ? AdmissionStage.ACTIVIST
                : AdmissionStage.TARGET;
        List<StepForm> forms = new ArrayList<>();
        int span = stage == AdmissionStage.APPLICANT ? 150 : stage == AdmissionStage.ACTIVIST ? 500 : 900;
        LocalDate applied = today.minusDays(20 + random.nextInt(span));
        forms.add(StepForm.simple(AdmissionStep.APPLICATION, applied, "本人", null));
        if (stage == AdmissionStage.APPLICANT) {
            if (random.nextInt(100) < 60 && applied.plusDays(25).isBefore(today)) {
                forms.add(StepForm.simple(AdmissionStep.FIRST_TALK, applied.plusDays(5 + random.nextInt(20)), "支部书记", null));
            }
            return forms;
        }
        LocalDate talk = applied.plusDays(5 + random.nextInt(20));
        LocalDate chosen = talk.plusDays(10 + random.nextInt(60));
        if (!chosen.isBefore(today)) {
            chosen = today.minusDays(1);
            talk = chosen.minusDays(1).isBefore(applied) ? applied : chosen.minusDays(1);
        }
        forms.add(StepForm.simple(AdmissionStep.FIRST_TALK, talk, "支部书记", null));
        forms.add(new StepForm(AdmissionStep.ACTIVIST_CHOSEN, chosen, "支部委员会", null, null, RecommendationMethod.MEMBERS,
                DecidingBody.COMMITTEE, null, null, null, null, null, null, null, null, null, null, null));
        forms.add(StepForm.simple(AdmissionStep.ACTIVIST_FILED, chosen, "上级党委", null));
        forms.add(StepForm.simple(AdmissionStep.CONTACTS_ASSIGNED, chosen, "支部委员会", null));
        LocalDate review = chosen.plusMonths(6);
        while (review.isBefore(today) && (stage == AdmissionStage.ACTIVIST || review.isBefore(chosen.plusYears(1)))) {
            forms.add(StepForm.simple(AdmissionStep.ACTIVIST_REVIEW, review, "支部委员会", null));
            review = review.plusMonths(6);
        }
        LocalDate target = chosen.plusYears(1).plusDays(random.nextInt(30));
        if (stage == AdmissionStage.TARGET && forms.get(forms.size() - 1).step() == AdmissionStep.ACTIVIST_REVIEW
                && target.isBefore(today)) {
            forms.add(new StepForm(AdmissionStep.TARGET_CHOSEN, target, "支部委员会", null, null, null,
                    DecidingBody.COMMITTEE, null, null, null, null, null, null, null, null, null, null, null));
        }
        return forms;
    }

    private static String region(PlannedOrg branch, Map<Integer, String> regions) {
        for (PlannedOrg a = branch; a != null; a = a.parent) {
            String region = regions.get(a.index);
            if (region != null) {
                return region;
            }
        }
        return regions.values().iterator().next();
    }
}
