package cn.zhibu.admission;

import cn.zhibu.member.Education;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberService;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.Occupation;
import cn.zhibu.member.StatusChange;
import cn.zhibu.member.StatusChangeKind;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.zhibu.admission.AdmissionStep.*;
import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A person walked from the application to 材料归档, with the registry following (D1, D10, D11, F5's start date). */
@IntegrationTest
@RecordApplicationEvents
class AdmissionIntegrationTest {

    static final LocalDate APPLIED = LocalDate.of(2023, 3, 1);
    static final LocalDate CHOSEN = LocalDate.of(2023, 5, 10);
    static final LocalDate TARGET = LocalDate.of(2024, 5, 20);
    static final LocalDate MEETING = LocalDate.of(2024, 8, 20);

    @Autowired TestData data;
    @Autowired AdmissionService admission;
    @Autowired CaseMoves caseMoves;
    @Autowired TargetPublicity targetPublicity;
    @Autowired MemberService members;
    @Autowired PublicityLookup publicityLookup;
    @Autowired cn.zhibu.platform.WorkingDays workingDays;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired AdmissionDocuments documents;
    @Autowired cn.zhibu.member.MembershipService membership;
    @LocalServerPort int port;
    @Autowired ApplicationEvents events;

    Organization committee;
    Organization branch;
    Member sponsorA;
    Member sponsorB;

    @BeforeEach
    void branch() {
        committee = data.committee("发展测试党委");
        branch = data.org(committee.id(), "发展测试支部", OrganizationType.BRANCH);
        sponsorA = data.member(branch.id(), "介绍人甲", MemberStatus.FULL);
        sponsorB = data.member(branch.id(), "介绍人乙", MemberStatus.FULL);
    }

    private AdmissionCase applicant(String name, LocalDate birth) {
        return caseIn(branch, name, birth);
    }

    private AdmissionCase caseIn(Organization org, String name, LocalDate birth) {
        return admission.apply(SYSTEM, new ApplicationForm(org.id(), name, TestData.idNumber(birth, false), "汉族",
                Education.BACHELOR, Occupation.PROFESSIONAL, "某某公司", "13800001111", APPLIED));
    }

    private Recorded record(AdmissionCase c, StepForm f) {
        return admission.record(SYSTEM, c.id(), f);
    }

    private static StepForm step(AdmissionStep s, LocalDate on) {
        return StepForm.simple(s, on, "王书记", null);
    }

    @Test
    void a_person_walks_all_25_steps_and_the_registry_follows() {
        AdmissionCase c = applicant("林晓", LocalDate.of(1998, 4, 2));
        assertThat(c.stage()).isEqualTo(AdmissionStage.APPLICANT);
        assertThat(c.gender()).isEqualTo(cn.zhibu.member.Gender.FEMALE);

        record(c, step(FIRST_TALK, APPLIED.plusDays(20)));
        record(c, new StepForm(ACTIVIST_CHOSEN, CHOSEN, null, null, null, RecommendationMethod.MEMBERS,
                DecidingBody.COMMITTEE, null, null, null, null, null, null, null, null, null, null, null));
        assertThat(admission.get(SYSTEM, c.id()).stage()).isEqualTo(AdmissionStage.ACTIVIST);
        record(c, step(ACTIVIST_FILED, CHOSEN.plusDays(5)));
        record(c, step(CONTACTS_ASSIGNED, CHOSEN.plusDays(5)).withMembers(List.of(sponsorA.id())));
        record(c, step(ACTIVIST_REVIEW, CHOSEN.plusMonths(6)));
        assertThatThrownBy(() -> record(c, new StepForm(TARGET_CHOSEN, CHOSEN.plusYears(1).minusDays(1), null, null,
                null, null, DecidingBody.COMMITTEE, null, null, null, null, null, null, null, null, null, null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("未满一年（《发展党员工作细则》第十三条）");
        Recorded late = record(c, step(ACTIVIST_REVIEW, CHOSEN.plusMonths(12).plusDays(3)));
        assertThat(late.warnings()).singleElement().asString().contains("超过半年");
        record(c, new StepForm(TARGET_CHOSEN, TARGET, null, null, null, null, DecidingBody.COMMITTEE, null, null, null,
                null, null, null, null, null, null, null, null));
        record(c, step(TARGET_FILED, TARGET.plusDays(3)));
        record(c, step(SPONSORS, TARGET.plusDays(3)).withMembers(List.of(sponsorA.id(), sponsorB.id())));
        record(c, step(POLITICAL_REVIEW, TARGET.plusDays(30)).withPassed(true));
        record(c, new StepForm(TRAINING, TARGET.plusDays(40), "党校", null, null, null, null, null, 3, 24, null, null,
                null, null, null, null, null, null));
        record(c, step(COMMITTEE_REVIEW, TARGET.plusDays(50)));
        record(c, step(PRE_REVIEW, TARGET.plusDays(60)).withPassed(true));
        record(c, new StepForm(FORM_FILLED, TARGET.plusDays(65), null, null, null, null, null, null, null, null, null,
                "志愿书2024-017", null, null, null, null, null, null));
        int voters = admission.registryVoters(SYSTEM, c.id());
        assertThat(voters).isEqualTo(2);
        record(c, step(ADMISSION_MEETING, MEETING).withVote(BranchVote.of(2, 2, 0, 0, 0, 0)));
        record(c, step(HIGHER_TALK, MEETING.plusDays(15)));
        assertThat(admission.get(SYSTEM, c.id()).memberId()).isNull();
        record(c, step(APPROVAL, MEETING.plusMonths(1)).withPassed(true));

        AdmissionCase approved = admission.get(SYSTEM, c.id());
        assertThat(approved.stage()).isEqualTo(AdmissionStage.PROBATIONARY);
        Member m = members.get(SYSTEM, approved.memberId());
        assertThat(m.status()).isEqualTo(MemberStatus.PROBATIONARY);
        assertThat(m.joinedOn()).as("党籍 from the branch meeting (D10)").isEqualTo(MEETING);
        assertThat(m.orgId()).isEqualTo(branch.id());
        assertThat(events.stream(CandidateAdmitted.class)).singleElement().isEqualTo(new CandidateAdmitted(c.id(),
                m.id(), branch.id(), MEETING, MEETING.plusMonths(1)));

        record(c, step(APPROVAL_FILED, MEETING.plusMonths(1).plusDays(10)));
        record(c, step(PLACED, MEETING.plusMonths(1).plusDays(10)));
        record(c, step(OATH, MEETING.plusMonths(2)));
        record(c, step(PROBATION_REVIEW, MEETING.plusMonths(6)));
        record(c, step(CONVERSION_REQUEST, MEETING.plusYears(1).minusDays(10)));
        record(c, new StepForm(CONVERSION_MEETING, MEETING.plusYears(1).plusDays(5), null, null, null, null, null, null,
                null, null, null, null, BranchVote.of(2, 2, 0, 0, 0, 0), ConversionDecision.CONVERT,
                null, "党小组同意按期转正", "征求意见无异议", null));
        record(c, step(CONVERSION_APPROVAL, MEETING.plusYears(1).plusDays(30)).withPassed(true));

        Member full = members.get(SYSTEM, approved.memberId());
        assertThat(full.status()).isEqualTo(MemberStatus.FULL);
        assertThat(full.convertedOn()).as("党龄 from the end of probation (D10)").isEqualTo(MEETING.plusYears(1));
        assertThat(admission.get(SYSTEM, c.id()).stage()).isEqualTo(AdmissionStage.FULL);
        assertThat(events.stream(CandidateConverted.class)).singleElement()
                .isEqualTo(new CandidateConverted(c.id(), full.id(), branch.id(), MEETING.plusYears(1)));

        record(c, new StepForm(ARCHIVED, MEETING.plusYears(1).plusDays(40), null, null, null, null, null, null, null,
                null, null, "人事档案（县人社局档案室）", null, null, null, null, null, null));
        AdmissionCase done = admission.get(SYSTEM, c.id());
        assertThat(done.steps()).hasSize(26);
        assertThat(AdmissionFlow.of(done).available()).isEmpty();
        assertThat(AdmissionFlow.of(done).next(admission.ruleSets())).isEmpty();

        PipelineCounts s1 = admission.counts(SYSTEM, committee.id(), MEETING.getYear());
        assertThat(s1.admittedInYear()).isEqualTo(1);
        assertThat(admission.counts(SYSTEM, committee.id(), MEETING.getYear() + 1).convertedInYear()).isEqualTo(1);
    }

    @Test
    void D6_a_sponsor_under_party_probation_is_refused_and_has_no_vote_D9() {
        AdmissionCase c = applicant("吴桐", LocalDate.of(1996, 2, 2));
        int before = admission.registryVoters(SYSTEM, c.id());
        membership.change(SYSTEM, sponsorB.id(), new StatusChange(StatusChangeKind.PARTY_PROBATION,
                LocalDate.now().minusMonths(2), "违反组织纪律", "纪字〔2026〕3号", "发展测试党委",
                LocalDate.now().plusMonths(10), null));
        assertThat(admission.registryVoters(SYSTEM, c.id())).isEqualTo(before - 1);
        record(c, step(FIRST_TALK, APPLIED.plusDays(20)));
        record(c, new StepForm(ACTIVIST_CHOSEN, CHOSEN, null, null, null, RecommendationMethod.MEMBERS,
                DecidingBody.COMMITTEE, null, null, null, null, null, null, null, null, null, null, null));
        StepForm contacts = step(CONTACTS_ASSIGNED, LocalDate.now()).withMembers(List.of(sponsorB.id()));
        assertThatThrownBy(() -> record(c, contacts)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("介绍人乙正在留党察看期间");
        // before the decision took effect the same person was eligible
        record(c, step(CONTACTS_ASSIGNED, CHOSEN.plusDays(5)).withMembers(List.of(sponsorB.id())));
    }

    @Test
    void documents_are_kept_with_the_case_checked_and_audited() {
        AdmissionCase c = applicant("冯雪", LocalDate.of(1999, 5, 5));
        long stepId = c.steps().get(0).id();
        byte[] pdf = "%PDF-1.4 入党申请书".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        CaseDocument d = documents.attach(SYSTEM, c.id(), stepId, "C:\\扫描\\入党申请书.pdf", pdf);
        assertThat(d.name()).isEqualTo("入党申请书.pdf");
        assertThat(d.contentType()).isEqualTo("application/pdf");
        assertThat(d.sm3()).hasSize(64);
        assertThat(documents.read(SYSTEM, c.id(), d.id()).bytes()).isEqualTo(pdf);
        assertThatThrownBy(() -> documents.attach(SYSTEM, c.id(), null, "脚本.exe", pdf))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("只能上传");
        assertThatThrownBy(() -> documents.attach(SYSTEM, c.id(), null, "空.pdf", new byte[0]))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("请选择");
        assertThatThrownBy(() -> documents.attach(SYSTEM, c.id(), null, "大.pdf", new byte[10 * 1024 * 1024 + 1]))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不能超过10 MB");
        byte[] largest = new byte[10 * 1024 * 1024];
        System.arraycopy(pdf, 0, largest, 0, pdf.length);
        assertThat(documents.attach(SYSTEM, c.id(), null, "刚好.pdf", largest).sizeBytes())
                .isEqualTo(10 * 1024 * 1024);
        assertThatThrownBy(() -> documents.attach(SYSTEM, c.id(), 999_999L, "a.pdf", pdf))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不属于");
        documents.remove(SYSTEM, c.id(), d.id());
        assertThat(documents.list(SYSTEM, c.id())).extracting(CaseDocument::name).containsExactly("刚好.pdf");
    }

    private static byte[] realPdf() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        com.lowagie.text.Document doc = new com.lowagie.text.Document();
        com.lowagie.text.pdf.PdfWriter.getInstance(doc, out);
        doc.open();
        doc.add(new com.lowagie.text.Paragraph("application"));
        doc.close();
        return out.toByteArray();
    }

    @Test
    void a_document_is_judged_by_its_content_a_pdf_that_is_really_html_is_refused_415() {
        AdmissionCase c = applicant("韩梅", LocalDate.of(1998, 6, 6));
        ApiClient api = ApiClient.loggedIn(port, "admin", "Zhibu@2026");
        String path = "/api/v1/admission/cases/" + c.id() + "/documents";
        ApiClient.Response html = api.postFile(path, "入党申请书.pdf",
                "<!DOCTYPE html><html><body>入党申请书</body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(html.status()).as(html.body()).isEqualTo(415);
        assertThat(html.body()).contains("内容不是 PDF");
        ApiClient.Response docxAsPdf = api.postFile(path, "思想汇报.docx", realPdf());
        assertThat(docxAsPdf.status()).as(docxAsPdf.body()).isEqualTo(415);
        assertThat(docxAsPdf.body()).contains("而是 PDF");
        ApiClient.Response pdf = api.postFile(path, "入党申请书.pdf", realPdf());
        assertThat(pdf.status()).as(pdf.body()).isEqualTo(201);
        assertThat(pdf.json().get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(documents.list(SYSTEM, c.id())).extracting(CaseDocument::name).containsExactly("入党申请书.pdf");
    }

    @Test
    void D5_the_2026_rules_accept_only_an_ended_publicity_of_this_very_case_by_its_own_branch() {
        AdmissionCase c = applicant("郑好", LocalDate.of(1997, 3, 3));
        record(c, step(FIRST_TALK, APPLIED.plusDays(20)));
        record(c, new StepForm(ACTIVIST_CHOSEN, CHOSEN, null, null, null, RecommendationMethod.MEMBERS,
                DecidingBody.COMMITTEE, null, null, null, null, null, null, null, null, null, null, null));
        record(c, step(ACTIVIST_FILED, CHOSEN.plusDays(5)));
        record(c, step(CONTACTS_ASSIGNED, CHOSEN.plusDays(5)).withMembers(List.of(sponsorA.id())));
        record(c, step(ACTIVIST_REVIEW, CHOSEN.plusMonths(6)));

        // published today through the service: five working days on the holiday calendar, about this case
        var published = targetPublicity.publish(SYSTEM, c.id(), LocalDate.now(), null);
        assertThat(published.workingDays()).isEqualTo(5);
        assertThat(published.endsOn()).isEqualTo(workingDays.lastDayOfPeriod(LocalDate.now(), 5));
        assertThat(targetPublicity.of(SYSTEM, c.id())).extracting(p -> p.id()).containsExactly(published.id());

        // an ended one (dated in the past, as if published then) of this case, and one of another case
        long ended = pastPublicity(c.id(), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 5, 29));
        AdmissionCase other = applicant("别人", LocalDate.of(1997, 4, 4));
        long othersPublicity = pastPublicity(other.id(), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 5, 29));
        // one about this case but published by another branch (as the API allowed before): not the branch's 公示
        Organization sibling = data.org(committee.id(), "发展测试兄弟支部", OrganizationType.BRANCH);
        long siblingsPublicity = pastPublicity(sibling, c.id(), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 5, 29));
        RuleSets from2026 = RuleSets.of(LocalDate.of(2026, 5, 1));
        AdmissionFlow flow = AdmissionFlow.of(admission.get(SYSTEM, c.id()));
        StepForm target = new StepForm(TARGET_CHOSEN, LocalDate.of(2026, 6, 1), null, null, null, null,
                DecidingBody.COMMITTEE, null, null, null, null, null, null, null, null, null, null, ended);
        assertThat(check(target, flow, from2026, ended, c.id())).isEmpty();
        assertThat(check(target, flow, from2026, othersPublicity, c.id())).contains("请先发布公示");
        assertThat(check(target, flow, from2026, siblingsPublicity, c.id())).contains("请先发布公示");
        assertThat(check(target, flow, from2026, published.id(), c.id())).contains("结束后方可确定为发展对象");
        assertThat(check(target, flow, RuleSets.of(null), null, c.id())).isEmpty();
    }

    private String check(StepForm f, AdmissionFlow flow, RuleSets rules, Long publicityId, long caseId) {
        StepForm form = new StepForm(f.step(), f.doneOn(), f.actedBy(), f.note(), f.memberIds(), f.method(), f.body(),
                f.passed(), f.trainingDays(), f.trainingHours(), f.leavingSoon(), f.reference(), f.vote(), f.decision(),
                f.extensionMonths(), f.groupOpinion(), f.publicOpinion(), publicityId);
        var facts = new AdmissionRules.Facts(Map.of(), publicityId == null ? java.util.Optional.empty()
                : publicityLookup.find(SYSTEM, publicityId, caseId));
        try {
            AdmissionRules.check(form, flow, rules, facts, LocalDate.now()).errors().throwIfAny();
            return "";
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }

    private long pastPublicity(long caseId, LocalDate startsOn, LocalDate endsOn) {
        return pastPublicity(branch, caseId, startsOn, endsOn);
    }

    private long pastPublicity(Organization by, long caseId, LocalDate startsOn, LocalDate endsOn) {
        return jdbc.sql("""
                        insert into publicity(org_id, org_path, root_id, title, body, starts_on, ends_on, working_days,
                          subject_type, subject_id, published_by) values (?, ?, ?, '公示', '公示内容', ?, ?, 5,
                          'admission_case', ?, '测试') returning id""")
                .params(by.id(), by.path().value(), by.rootId(), startsOn, endsOn, caseId)
                .query(Long.class).single();
    }

    @Test
    void D4_a_case_moves_to_the_new_units_branch_with_its_steps() {
        AdmissionCase c = applicant("孔明亮", LocalDate.of(1994, 8, 8));
        record(c, step(FIRST_TALK, APPLIED.plusDays(20)));
        Organization other = data.org(committee.id(), "发展测试二支部", OrganizationType.BRANCH);
        assertThatThrownBy(() -> caseMoves.move(SYSTEM, c.id(), other.id(), " ")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("原因");
        AdmissionCase moved = caseMoves.move(SYSTEM, c.id(), other.id(), "工作调动");
        assertThat(moved.orgId()).isEqualTo(other.id());
        assertThat(moved.orgPath()).isEqualTo(other.path().value());
        assertThat(moved.steps()).hasSize(2);
        assertThat(caseMoves.moves(SYSTEM, c.id())).singleElement().asString().contains("由发展测试支部转入发展测试二支部");
        assertThat(admission.pipeline(SYSTEM, other.id(), null, null, 0).cases()).extracting(CaseSummary::id)
                .containsExactly(c.id());
    }

    @Test
    void the_pipeline_shows_each_person_with_the_next_step_deadline_and_who_acts() {
        AdmissionCase c = applicant("周敏", LocalDate.of(2000, 1, 1));
        CasePage page = admission.pipeline(SYSTEM, committee.id(), null, null, 0);
        CaseSummary row = page.cases().stream().filter(s -> s.id() == c.id()).findFirst().orElseThrow();
        assertThat(row.nextStep()).isEqualTo(FIRST_TALK);
        assertThat(row.actor()).isEqualTo(StepActor.BRANCH);
        assertThat(row.nextDate()).isEqualTo(APPLIED.plusMonths(1));
        assertThat(row.overdue()).isTrue();
        assertThat(admission.counts(SYSTEM, branch.id(), 2026).at(AdmissionStage.APPLICANT)).isEqualTo(1);
        assertThat(admission.reminders(SYSTEM, LocalDate.now(), 30)).anySatisfy(r -> {
            assertThat(r.caseId()).isEqualTo(c.id());
            assertThat(r.step()).isEqualTo(FIRST_TALK);
            assertThat(r.overdue()).isTrue();
        });
    }

    @Test
    void the_pipeline_finds_a_person_by_the_start_of_their_name_within_the_subtree_only() {
        AdmissionCase c = applicant("欧阳晓峰", LocalDate.of(1998, 3, 3));
        Organization elsewhere = data.org(data.committee("发展测试别处党委" + System.nanoTime() % 1_000_000).id(),
                "发展测试别处支部", OrganizationType.BRANCH);
        AdmissionCase other = caseIn(elsewhere, "欧阳晓红", LocalDate.of(1997, 4, 4));
        assertThat(admission.pipeline(SYSTEM, committee.id(), null, "欧阳", 0).cases()).extracting(CaseSummary::id)
                .containsExactly(c.id());
        assertThat(admission.pipeline(SYSTEM, committee.id(), null, "欧阳晓峰", 0).cases()).extracting(CaseSummary::id)
                .containsExactly(c.id());
        assertThat(admission.pipeline(SYSTEM, committee.id(), null, "晓峰", 0).cases()).isEmpty();
        // a wildcard typed into the box is text, not a pattern
        assertThat(admission.pipeline(SYSTEM, committee.id(), null, "%晓", 0).cases()).isEmpty();
        assertThat(admission.pipeline(SYSTEM, committee.id(), AdmissionStage.APPLICANT, "欧阳", 0).total()).isEqualTo(1);
        assertThat(admission.pipeline(SYSTEM, committee.id(), AdmissionStage.ACTIVIST, "欧阳", 0).total()).isZero();
        assertThat(admission.pipeline(SYSTEM, elsewhere.id(), null, "欧阳", 0).cases()).extracting(CaseSummary::id)
                .containsExactly(other.id());
    }

    @Test
    void D2_an_applicant_a_day_short_of_18_is_refused_through_the_api() {
        ApiClient api = ApiClient.loggedIn(port, "admin", "Zhibu@2026");
        LocalDate birth = APPLIED.minusYears(18).plusDays(1);
        ApiClient.Response r = api.post("/api/v1/admission/cases", Map.of("orgId", branch.id(), "name", "少年",
                "idNumber", TestData.idNumber(birth, true), "ethnicity", "汉族", "education", "HIGH_SCHOOL",
                "occupation", "STUDENT", "appliedOn", APPLIED.toString()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("未满十八周岁").contains("第五条");
        ApiClient.Response ok = api.post("/api/v1/admission/cases", Map.of("orgId", branch.id(), "name", "青年",
                "idNumber", TestData.idNumber(APPLIED.minusYears(18), true), "ethnicity", "汉族",
                "education", "HIGH_SCHOOL", "occupation", "STUDENT", "appliedOn", APPLIED.toString()));
        assertThat(ok.status()).isEqualTo(201);
        long id = ok.json().get("id").asLong();
        ApiClient.Response early = api.post("/api/v1/admission/cases/" + id + "/steps", Map.of("step",
                "ACTIVIST_CHOSEN", "doneOn", APPLIED.plusDays(3).toString(), "method", "MEMBERS", "body", "COMMITTEE"));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body()).contains("须先完成：第2步 党组织派人谈话");
        ApiClient.Response talk = api.post("/api/v1/admission/cases/" + id + "/steps", Map.of("step", "FIRST_TALK",
                "doneOn", APPLIED.plusMonths(2).toString(), "actedBy", "王书记"));
        assertThat(talk.status()).isEqualTo(201);
        assertThat(talk.body()).contains("第七条");
        assertThat(api.get("/api/v1/admission/cases/" + id + "/status").json().get("availableSteps").toString())
                .contains("ACTIVIST_CHOSEN");
    }

    @Test
    void one_open_case_per_person_and_never_for_a_member() {
        AdmissionCase c = applicant("赵磊", LocalDate.of(1995, 7, 7));
        ApplicationForm again = new ApplicationForm(branch.id(), "赵磊", c.idNumber(), "汉族", Education.BACHELOR,
                Occupation.WORKER, null, null, APPLIED);
        assertThatThrownBy(() -> admission.apply(SYSTEM, again)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("已有正在进行的发展党员记录");
        admission.close(SYSTEM, c.id(), APPLIED.plusDays(30), "本人撤回申请");
        assertThat(admission.get(SYSTEM, c.id()).stage()).isEqualTo(AdmissionStage.CLOSED);
        assertThatThrownBy(() -> record(c, step(FIRST_TALK, APPLIED.plusDays(31))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("已终止");
        Member existing = data.member(branch.id(), "已是党员", MemberStatus.FULL);
        String id = members.open(SYSTEM, existing.id()).idNumber();
        assertThatThrownBy(() -> admission.apply(SYSTEM, new ApplicationForm(branch.id(), "已是党员", id, "汉族",
                Education.BACHELOR, Occupation.WORKER, null, null, APPLIED)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("已登记为党员");
    }
}
