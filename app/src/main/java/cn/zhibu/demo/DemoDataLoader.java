package cn.zhibu.demo;

import cn.zhibu.admission.AdmissionService;
import cn.zhibu.demo.DemoAccounts.Account;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.life.MeetingAnswers;
import cn.zhibu.life.MeetingChanges;
import cn.zhibu.life.MeetingService;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberForm;
import cn.zhibu.member.MemberService;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationForm;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.DataScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Loads the demo tree, members, committees, accounts, a year of meetings and of 党费 through the ordinary services, so the audit log and
 * roll-ups are kept as for data entered by hand. One transaction: a failure leaves the database empty.
 */
@Component
class DemoDataLoader {

    /** Fixed so that every fresh start produces the same people (dates stay relative to the day of loading). */
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final long SEED = 1921_07_23L;
    private static final DataScope SCOPE = DataScope.system("演示数据");
    private static final LocalDate TREE_ESTABLISHED = LocalDate.of(1985, 7, 1);
    private static final String[] ORDINALS = {"一", "二", "三", "四", "五"};

    private final OrganizationService organizations;
    private final MemberService members;
    private final UserAccounts accounts;
    private final TransactionTemplate transaction;
    private final AdmissionService admission;
    private final MeetingService meetings;
    private final MeetingAnswers answers;
    private final MeetingChanges changes;
    private final JdbcClient jdbc;
    private final DemoDues.Services dues;
    private final DemoLearningHours.Services learningHours;
    private final DemoLearningCourses.Services learningCourses;
    private final DemoLearningExams.Services learningExams;
    private final DemoLearningClasses.Services learningClasses;

    DemoDataLoader(OrganizationService organizations, MemberService members, UserAccounts accounts,
                   PlatformTransactionManager transactionManager, AdmissionService admission, MeetingService meetings,
                   MeetingAnswers answers, MeetingChanges changes, JdbcClient jdbc, DemoDues.Services dues,
                   DemoLearningHours.Services learningHours, DemoLearningCourses.Services learningCourses,
                   DemoLearningExams.Services learningExams, DemoLearningClasses.Services learningClasses) {
        this.dues = dues;
        this.learningClasses = learningClasses;
        this.learningHours = learningHours;
        this.learningCourses = learningCourses;
        this.learningExams = learningExams;
        this.admission = admission;
        this.meetings = meetings;
        this.answers = answers;
        this.changes = changes;
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.members = members;
        this.accounts = accounts;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** @return how many members were registered */
    int load() {
        Integer count = transaction.execute(status -> loadAll());
        return count == null ? 0 : count;
    }

    private int loadAll() {
        Random random = new Random(SEED);
        LocalDate today = LocalDate.now();
        OrgPlan plan = DemoTree.workingCommittee();
        PlacedOrg root = place(plan, null, 1, random, today);
        MemberDrafts drafts = new MemberDrafts(random, today, reservedNames(plan).toList());
        root.branches().forEach(branch -> register(branch, drafts));
        new DemoCommittees(organizations, SCOPE, random, today).elect(root);
        createAccounts(root);
        new DemoAdmissions(admission, SCOPE, new PersonalNumbers(new Random(SEED + 1)), today)
                .open(root.find(DemoAccounts.SECRETARY_BRANCH));
        holdMeetings(root, new Random(SEED + 2), today);
        long started = System.nanoTime();
        new DemoDues(dues, SCOPE, new Random(SEED + 3), today).year(root);
        log.info("党费演示数据（基数、减免、{}起的账单和交纳）用时{}毫秒", dues.settings().firstMonth(),
                (System.nanoTime() - started) / 1_000_000);
        new DemoLearningHours(learningHours, SCOPE, today).year(root);
        new DemoLearningCourses(learningCourses, SCOPE, today).publish(root);
        new DemoLearningExams(learningExams, SCOPE).load(root);
        new DemoLearningClasses(learningClasses, SCOPE, today).load(root);
        return root.branches().mapToInt(b -> b.members().size()).sum();
    }

    /**
     * A year of 组织生活 in the two demo secretaries' branches, each with its own gaps, and a 主题党日 ahead in the
     * demo member's branch; another member of it has asked leave.
     */
    private void holdMeetings(PlacedOrg root, Random random, LocalDate today) {
        DemoMeetings life = new DemoMeetings(meetings, answers, changes, jdbc, SCOPE, random, today);
        PlacedOrg branch = root.find(DemoAccounts.SECRETARY_BRANCH);
        life.year(branch, java.util.Set.of(4, 8), 6, 1);
        life.year(root.find(DemoAccounts.OTHER_SECRETARY_BRANCH), java.util.Set.of(2), 9, 3);
        Member onLeave = branch.members().stream()
                .filter(m -> !m.name().equals(DemoAccounts.MEMBER_NAME) && !m.name().equals(DemoAccounts.SECRETARY_NAME))
                .findFirst().orElseThrow();
        life.upcoming(branch, onLeave);
    }

    private PlacedOrg place(OrgPlan plan, Organization parent, int sortOrder, Random random, LocalDate today) {
        LocalDate established = establishedOn(plan, parent, random, today);
        Organization org = organizations.create(SCOPE, new OrganizationForm(parent == null ? null : parent.id(),
                plan.name(), plan.shortName(), plan.type(), plan.category(), plan.unitName(), plan.coveredUnits(),
                established, sortOrder));
        List<Organization> groups = new ArrayList<>();
        for (int g = 0; g < plan.groups(); g++) {
            String label = "第" + ORDINALS[g] + "党小组";
            groups.add(organizations.create(SCOPE, new OrganizationForm(org.id(), plan.name() + label, label,
                    OrganizationType.GROUP, plan.category(), null, null, established, g + 1)));
        }
        List<PlacedOrg> children = new ArrayList<>();
        for (OrgPlan child : plan.children()) {
            children.add(place(child, org, children.size() + 1, random, today));
        }
        return new PlacedOrg(plan, org, groups, children, new ArrayList<>());
    }

    /** After the parent, and at least five years ago so that every term began after the branch existed. */
    private static LocalDate establishedOn(OrgPlan plan, Organization parent, Random random, LocalDate today) {
        if (parent == null) {
            return TREE_ESTABLISHED;
        }
        if (plan.type() == OrganizationType.TEMPORARY_BRANCH) {
            return today.minusDays(120 + random.nextInt(60));
        }
        LocalDate earliest = parent.establishedOn().plusDays(30);
        long span = ChronoUnit.DAYS.between(earliest, today.minusYears(5));
        return span <= 0 ? earliest : earliest.plusDays(random.nextLong(span));
    }

    private void register(PlacedOrg branch, MemberDrafts drafts) {
        for (MemberForm form : drafts.forBranch(branch.plan(), branch.memberHolderIds())) {
            branch.members().add(members.create(SCOPE, form));
        }
    }

    private void createAccounts(PlacedOrg root) {
        for (Account account : DemoAccounts.ALL) {
            PlacedOrg org = account.organization() == null ? null : root.find(account.organization());
            Long memberId = account.memberName() == null ? null : org.member(account.memberName()).id();
            Long grantedAt = account.grantedAtOrganization() ? org.org().id() : null;
            accounts.create(account.username(), DemoAccounts.PASSWORD, account.displayName(), memberId,
                    List.of(new RoleGrant(account.role(), grantedAt)));
        }
    }

    private static Stream<String> reservedNames(OrgPlan plan) {
        return Stream.concat(plan.named().stream().map(OrgPlan.NamedPerson::name),
                plan.children().stream().flatMap(DemoDataLoader::reservedNames));
    }
}
