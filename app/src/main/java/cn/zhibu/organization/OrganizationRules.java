package cn.zhibu.organization;

import cn.zhibu.organization.RuleWarning.Severity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The organization-setting rules of 《中国共产党支部工作条例（试行）》 as pure functions (RULES.md B1, B3, B4, B5).
 * They only warn: the data is what it is, the warning tells the party-affairs worker what to fix.
 */
public final class OrganizationRules {

    /** B1: a branch needs at least 3 full members. */
    public static final int BRANCH_MIN_FULL = 3;
    /** B1: a branch generally has no more than 50 members. */
    public static final int BRANCH_MAX = 50;
    /** B3: 100 members or more call for a base committee. */
    public static final int BASE_COMMITTEE_MIN = 100;
    /** B1: a joint branch covers at most 5 units. */
    public static final int JOINT_MAX_UNITS = 5;
    /** B4: 7 full members or more call for a branch committee. */
    public static final int COMMITTEE_THRESHOLD = 7;

    private final int termWarningMonths;

    /** @param termWarningMonths B5 local rule: warn this many months before a term ends (default 6). */
    public OrganizationRules(int termWarningMonths) {
        this.termWarningMonths = termWarningMonths;
    }

    public List<RuleWarning> check(OrganizationFacts facts, LocalDate today) {
        List<RuleWarning> warnings = new ArrayList<>();
        Organization org = facts.organization();
        if (!org.active()) {
            return warnings;
        }
        b1(facts, warnings);
        b3(facts, warnings);
        b4(facts, warnings);
        b5(facts, today, warnings);
        return warnings;
    }

    /** B1: ≥ 3 full members for a branch; generally ≤ 50 members; a joint branch covers ≤ 5 units. */
    void b1(OrganizationFacts f, List<RuleWarning> out) {
        OrganizationType type = f.organization().type();
        if (!type.isBranch()) {
            return;
        }
        if (type == OrganizationType.BRANCH && f.fullMembers() < BRANCH_MIN_FULL) {
            out.add(new RuleWarning("B1", Severity.VIOLATION, "正式党员" + f.fullMembers()
                    + "人，不足3人，不具备单独成立党支部的条件，应与邻近单位成立联合党支部（《支部工作条例》第四条）"));
        }
        if (f.allMembers() > BRANCH_MAX) {
            out.add(new RuleWarning("B1", Severity.ATTENTION, "党员" + f.allMembers()
                    + "人，超过50人，党支部党员人数一般不超过50人（《支部工作条例》第四条）"));
        }
        if (type == OrganizationType.JOINT_BRANCH && f.organization().coveredUnits() != null
                && f.organization().coveredUnits() > JOINT_MAX_UNITS) {
            out.add(new RuleWarning("B1", Severity.ATTENTION, "联合党支部覆盖" + f.organization().coveredUnits()
                    + "个单位，一般不超过5个（《支部工作条例》第四条）"));
        }
    }

    /** B3: 50 to under 100 members → 党总支; 100 or more → 基层党委. */
    void b3(OrganizationFacts f, List<RuleWarning> out) {
        OrganizationType type = f.organization().type();
        int n = f.allMembers();
        if (type.isBranch() && n >= BASE_COMMITTEE_MIN) {
            out.add(new RuleWarning("B3", Severity.ATTENTION, "党员" + n + "人，已达100人，可以成立党的基层委员会"));
        } else if (type.isBranch() && n > BRANCH_MAX) {
            out.add(new RuleWarning("B3", Severity.ATTENTION, "党员" + n + "人（50至100人），可以成立党的总支部委员会"));
        } else if (type == OrganizationType.GENERAL_BRANCH && n >= BASE_COMMITTEE_MIN) {
            out.add(new RuleWarning("B3", Severity.ATTENTION, "党员" + n + "人，已达100人，可以成立党的基层委员会"));
        } else if (type == OrganizationType.GENERAL_BRANCH && n < BRANCH_MAX) {
            out.add(new RuleWarning("B3", Severity.ATTENTION, "党员" + n + "人，不足50人，一般设立党支部而不设党总支"));
        } else if (type == OrganizationType.BASE_COMMITTEE && n < BASE_COMMITTEE_MIN) {
            out.add(new RuleWarning("B3", Severity.ATTENTION, "党员" + n + "人，不足100人，一般不设立基层党委"
                    + "（经上级批准的除外）"));
        }
    }

    /** B4: ≥ 7 full members → a 支委会 of 3–5, generally ≤ 7; fewer → one 书记 (and a 副书记 if needed). */
    void b4(OrganizationFacts f, List<RuleWarning> out) {
        if (!f.organization().type().isBranch()) {
            return;
        }
        int seats = f.committee().exists() ? f.committee().seats().size() : 0;
        if (f.fullMembers() >= COMMITTEE_THRESHOLD) {
            if (seats == 0) {
                out.add(new RuleWarning("B4", Severity.VIOLATION, "正式党员" + f.fullMembers()
                        + "人，已达7人，应当设立支部委员会（《支部工作条例》第二十条），但未登记支委会"));
            } else if (seats > 7) {
                out.add(new RuleWarning("B4", Severity.VIOLATION, "支委会" + seats + "人，超过7人（《支部工作条例》第二十条）"));
            } else if (seats < 3 || seats > 5) {
                out.add(new RuleWarning("B4", Severity.ATTENTION, "支委会" + seats + "人，一般由3至5人组成（《支部工作条例》第二十条）"));
            }
        } else if (seats > 2) {
            out.add(new RuleWarning("B4", Severity.ATTENTION, "正式党员不足7人，不设支委会，设书记1名，必要时设副书记1名"
                    + "（《支部工作条例》第二十条），现有班子" + seats + "人"));
        }
    }

    /** B5: term expired or ending within the warning window; a secretary generally has ≥ 1 year of 党龄. */
    void b5(OrganizationFacts f, LocalDate today, List<RuleWarning> out) {
        Committee c = f.committee();
        if (!c.exists()) {
            return;
        }
        if (c.termEnd().isBefore(today)) {
            out.add(new RuleWarning("B5", Severity.VIOLATION, "班子任期已于" + c.termEnd() + "届满，应按期换届"
                    + "（延期换届须经上级批准，一般不超过1年）"));
        } else if (!c.termEnd().isAfter(today.plusMonths(termWarningMonths))) {
            out.add(new RuleWarning("B5", Severity.ATTENTION, "班子任期将于" + c.termEnd() + "届满，请提前做好换届准备"));
        }
        int maxYears = maxTermYears(f.organization());
        if (c.termStart().plusYears(maxYears).isBefore(c.termEnd())) {
            out.add(new RuleWarning("B5", Severity.ATTENTION, "任期长于" + maxYears + "年（"
                    + f.organization().categoryLabel() + f.organization().typeLabel() + "每届任期一般为" + maxYears + "年）"));
        }
        if (f.organization().type().isBranch()) {
            if (c.secretary().isEmpty()) {
                out.add(new RuleWarning("B5", Severity.ATTENTION, "本届班子未登记书记"));
            } else if (f.secretaryProbationary()
                    || (f.secretaryFullSince() != null && f.secretaryFullSince().plusYears(1).isAfter(today))) {
                out.add(new RuleWarning("B5", Severity.ATTENTION, "书记" + c.secretary().get().personName()
                        + "党龄不足1年，党支部书记一般应具有1年以上党龄（《支部工作条例》第二十三条）"));
            }
        }
    }

    /** B3/B5: base committees 5 years; village and community branches 5; others generally 3. */
    public static int maxTermYears(Organization org) {
        if (org.type().isCommittee()) {
            return 5;
        }
        if (org.category() == OrganizationCategory.RURAL || org.category() == OrganizationCategory.COMMUNITY) {
            return 5;
        }
        return 3;
    }
}
