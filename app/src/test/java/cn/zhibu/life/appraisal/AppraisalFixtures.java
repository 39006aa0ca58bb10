package cn.zhibu.life.appraisal;

import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.TreePath;
import cn.zhibu.support.TestData;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static cn.zhibu.support.TestData.SYSTEM;

/**
 * Branches to appraise, built through the real services, and the scopes of their members and secretary as the
 * identity module would resolve them (no accounts needed for service-level tests).
 */
@Component
public class AppraisalFixtures {

    private static final AtomicLong ACTORS = new AtomicLong(7_000_000);
    private static final String LETTERS = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉";

    private final TestData data;
    private final AppraisalService appraisals;
    private final AppraisalBallots ballots;

    AppraisalFixtures(TestData data, AppraisalService appraisals, AppraisalBallots ballots) {
        this.data = data;
        this.appraisals = appraisals;
        this.ballots = ballots;
    }

    /** A branch with its members: the 正式党员 first, then the 预备党员. */
    public record Branch(Organization org, List<Member> full, List<Member> probationary) {

        public List<Member> all() {
            List<Member> all = new ArrayList<>(full);
            all.addAll(probationary);
            return all;
        }
    }

    /** Names without digits (the registry refuses them): "评议" + the suffix spelled in letters + a stem. */
    public static String name(String stem, String suffix, int i) {
        String letters = suffix.chars().mapToObj(d -> String.valueOf((char) ('a' + d - '0')))
                .collect(java.util.stream.Collectors.joining());
        return stem + letters + LETTERS.charAt(i % LETTERS.length());
    }

    public Branch branch(String name, int full, int probationary) {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        Organization committee = data.committee(name + "党委" + suffix);
        Organization branch = data.org(committee.id(), name + "支部", OrganizationType.BRANCH);
        List<Member> fulls = new ArrayList<>();
        List<Member> probs = new ArrayList<>();
        for (int i = 0; i < full; i++) {
            fulls.add(data.member(branch.id(), name("评", suffix, i), MemberStatus.FULL));
        }
        for (int i = 0; i < probationary; i++) {
            probs.add(data.member(branch.id(), name("预", suffix, i), MemberStatus.PROBATIONARY));
        }
        return new Branch(branch, fulls, probs);
    }

    /** The scope of a plain member (党员): their own record only. */
    public static DataScope memberScope(Member m) {
        return new DataScope(ACTORS.incrementAndGet(), m.name(), false, List.of(), List.of(), m.id(),
                new TreePath(m.orgPath()), false);
    }

    /** The scope of the branch's secretary (not a member of it). */
    public static DataScope secretaryScope(Organization branch) {
        return new DataScope(ACTORS.incrementAndGet(), "书记", false, List.of(), List.of(branch.path()), null, null,
                false);
    }

    /** Opens this year's appraisal of the branch and brings it to {@code stage}, open. */
    public Appraisal openAt(Branch b, AppraisalStage stage) {
        DataScope secretary = secretaryScope(b.org());
        Appraisal a = appraisals.open(secretary, b.org().id(), LocalDate.now().getYear());
        for (AppraisalStage s : AppraisalStage.values()) {
            if (s == stage) {
                return appraisals.get(SYSTEM, a.id());
            }
            if (s == AppraisalStage.BALLOT) {
                Member voter = b.all().get(0);
                ballots.cast(memberScope(voter), a.id(), everyone(b, Grade.QUALIFIED));
            }
            appraisals.closeStage(secretary, a.id(), s);
            appraisals.openStage(secretary, a.id(), s.next());
        }
        throw new IllegalArgumentException(stage.name());
    }

    /** A ballot giving every 正式党员 the same grade. */
    public static Map<Long, Grade> everyone(Branch b, Grade grade) {
        Map<Long, Grade> ballot = new HashMap<>();
        b.full().forEach(m -> ballot.put(m.id(), grade));
        return ballot;
    }
}
