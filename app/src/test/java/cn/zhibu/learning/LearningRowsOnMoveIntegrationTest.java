package cn.zhibu.learning;

import cn.zhibu.learning.classes.ClassDraft;
import cn.zhibu.learning.classes.ClassService;
import cn.zhibu.learning.classes.Enrolment;
import cn.zhibu.learning.classes.TrainingClass;
import cn.zhibu.learning.exam.Exam;
import cn.zhibu.learning.exam.ExamDraft;
import cn.zhibu.learning.exam.ExamResult;
import cn.zhibu.learning.exam.ExamRule;
import cn.zhibu.learning.exam.ExamTaking;
import cn.zhibu.learning.exam.Exams;
import cn.zhibu.learning.exam.QuestionBank;
import cn.zhibu.learning.exam.QuestionBanks;
import cn.zhibu.learning.exam.QuestionDraft;
import cn.zhibu.learning.exam.QuestionKind;
import cn.zhibu.learning.hours.ExternalTrainingForm;
import cn.zhibu.learning.hours.ExternalTrainings;
import cn.zhibu.learning.hours.Transcripts;
import cn.zhibu.learning.points.PointsService;
import cn.zhibu.learning.views.LearningRollup;
import cn.zhibu.learning.views.LearningRollupRow;
import cn.zhibu.learning.views.LearningViews;
import cn.zhibu.learning.views.LearningViewsFixture;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.TreePath;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestClock;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 16: a committee's move rewrites none of its members' learning rows (progress, study year, external
 * trainings, transcript, class enrolment, points, exam attempts name their organization, not its path: V52), yet
 * every view finds them under the new parent at once and no longer under the old one, also across provinces.
 */
@IntegrationTest
class LearningRowsOnMoveIntegrationTest {

    /** The tables of rows per member, each with its rows of one member. */
    private static final List<String> TABLES = List.of("course_progress", "study_year", "study_external",
            "study_transcript", "class_enrolment", "points_entry", "exam_attempt");

    @Autowired TestData data;
    @Autowired OrganizationService organizations;
    @Autowired ExternalTrainings externals;
    @Autowired Transcripts transcripts;
    @Autowired PointsService points;
    @Autowired ClassService classes;
    @Autowired QuestionBanks banks;
    @Autowired Exams exams;
    @Autowired ExamTaking taking;
    @Autowired LearningViews views;
    @Autowired LearningViewsFixture fixture;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    /** Two cities of a province, a committee with a branch and a member under the first; another province. */
    record World(Organization province, Organization cityA, Organization cityB, Organization moving,
                 Organization branch, Member member, Organization otherProvince, long course, TrainingClass training,
                 Exam exam) {
    }

    private World world() {
        String n = "学习迁移" + System.nanoTime() % 1_000_000;
        Organization province = data.committee(n + "省委");
        Organization cityA = data.org(province.id(), n + "甲市委", OrganizationType.BASE_COMMITTEE);
        Organization cityB = data.org(province.id(), n + "乙市委", OrganizationType.BASE_COMMITTEE);
        Organization moving = data.org(cityA.id(), n + "迁移党委", OrganizationType.BASE_COMMITTEE);
        Organization branch = data.org(moving.id(), n + "支部", OrganizationType.BRANCH);
        Member m = data.member(branch.id(), "迁移学员", MemberStatus.FULL);
        Organization otherProvince = data.committee(n + "外省委");
        LocalDate today = views.today();

        long course = fixture.course(moving, "迁移必修课", true, today.plusDays(30), false);
        fixture.progress(m, course, 600);
        externals.record(SYSTEM, new ExternalTrainingForm(m.id(), "党校培训", today, new BigDecimal("8"), "市委党校",
                true, null, null));
        transcripts.issue(SYSTEM, m.id(), today.getYear());
        points.reward(SYSTEM, m.id(), 3, "学习标兵");
        TrainingClass training = classes.open(SYSTEM, new ClassDraft(moving.id(), "迁移培训班", "党校", today, today,
                true));
        classes.enrol(SYSTEM, training.id(), List.of(m.id()));
        return new World(province, cityA, cityB, moving, branch, m, otherProvince, course, training,
                examTakenBy(cityA, m));
    }

    /** An exam of the first city (it stays there), taken by the member. */
    private Exam examTakenBy(Organization city, Member m) {
        QuestionBank bank = banks.create(SYSTEM, city.id(), "迁移题库", null);
        banks.add(SYSTEM, bank.id(), new QuestionDraft(QuestionKind.SINGLE, "党章", "单选", List.of("对的", "错的"), "A",
                null, 1));
        LocalDateTime now = LocalDateTime.now(clock);
        Exam e = exams.create(SYSTEM, new ExamDraft(city.id(), false, "迁移考试", null, false, now.minusHours(1),
                now.plusDays(1), 10, 3, 1, false, false, List.of(new ExamRule(bank.id(), "党章", QuestionKind.SINGLE, 1, 1))));
        e = exams.publish(SYSTEM, e.id());
        taking.start(new DataScope(1000 + m.id(), m.name(), false, List.of(), List.of(), m.id(),
                new TreePath(m.orgPath()), false), e.id());
        return e;
    }

    /** Each table's row versions of the member (xmin changes with every write of a row). */
    private Map<String, List<String>> versions(long memberId) {
        Map<String, List<String>> versions = new LinkedHashMap<>();
        for (String table : TABLES) {
            versions.put(table, jdbc.sql("select xmin::text from " + table + " where member_id = ? order by 1")
                    .param(memberId).query(String.class).list());
        }
        return versions;
    }

    private static DataScope manager(Organization... orgs) {
        return new DataScope(1, "管理员", false, List.of(), java.util.Arrays.stream(orgs).map(Organization::path).toList(),
                null, null, false);
    }

    private BigDecimal hoursOf(Organization parent, Organization child, int year) {
        LearningRollup r = views.rollup(SYSTEM, parent.id(), year, null);
        return r.children().stream().filter(c -> c.orgId() == child.id()).map(LearningRollupRow::hours).findFirst()
                .orElseThrow();
    }

    private List<Long> resultMembers(DataScope scope, Exam e) {
        return exams.results(scope, e.id()).stream().map(ExamResult::memberId).toList();
    }

    @Test
    void a_committees_move_rewrites_none_of_its_members_learning_rows_yet_every_view_follows_it() {
        World w = world();
        int year = views.today().getYear();
        Map<String, List<String>> before = versions(w.member().id());
        assertThat(before.values()).allSatisfy(v -> assertThat(v).isNotEmpty());
        assertThat(hoursOf(w.province(), w.cityA(), year)).isEqualByComparingTo("8");
        assertThat(resultMembers(manager(w.cityA()), w.exam())).containsExactly(w.member().id());

        Organization moved = organizations.move(SYSTEM, w.moving().id(), w.cityB().id());

        assertThat(versions(w.member().id())).as("no row of the member written by the move").isEqualTo(before);
        // the roll-up: under the new city at once, gone from the old one
        assertThat(hoursOf(w.province(), w.cityB(), year)).isEqualByComparingTo("8");
        assertThat(hoursOf(w.province(), w.cityA(), year)).isEqualByComparingTo("0");
        assertThat(hoursOf(w.cityB(), w.moving(), year)).isEqualByComparingTo("8");
        // the exam stayed with the old city: its manager no longer sees the member's attempt, one of both cities does
        assertThat(resultMembers(manager(w.cityA()), w.exam())).isEmpty();
        assertThat(resultMembers(manager(w.cityA(), w.cityB()), w.exam())).containsExactly(w.member().id());
        // an enrolment shows where its organization is now
        assertThat(classes.enrolments(SYSTEM, w.training().id())).extracting(Enrolment::orgPath)
                .containsExactly(moved.path().child(w.branch().id()).value());
        // a study year's next credit lands on the new ancestors
        externals.record(SYSTEM, new ExternalTrainingForm(w.member().id(), "网络培训", views.today(), new BigDecimal("2"),
                "线上", false, null, null));
        assertThat(hoursOf(w.province(), w.cityB(), year)).isEqualByComparingTo("10");
        assertThat(hoursOf(w.province(), w.cityA(), year)).isEqualByComparingTo("0");
    }

    @Test
    void a_move_to_another_province_rewrites_no_member_row_and_takes_the_courses_root() {
        World w = world();
        int year = views.today().getYear();
        Map<String, List<String>> before = versions(w.member().id());

        organizations.move(SYSTEM, w.moving().id(), w.otherProvince().id());

        assertThat(versions(w.member().id())).isEqualTo(before);
        assertThat(jdbc.sql("select root_id from course where id = ?").param(w.course()).query(Long.class).single())
                .isEqualTo(w.otherProvince().rootId());
        assertThat(hoursOf(w.otherProvince(), w.moving(), year)).isEqualByComparingTo("8");
        assertThat(views.rollup(SYSTEM, w.province().id(), year, null).total().hours()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> views.rollup(manager(w.province()), w.moving().id(), year, null))
                .as("the old province's manager no longer reaches the moved committee")
                .isInstanceOf(NotFoundException.class);
    }
}
