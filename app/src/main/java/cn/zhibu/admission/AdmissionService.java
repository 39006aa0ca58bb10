package cn.zhibu.admission;

import cn.zhibu.admission.internal.AdmissionRecords;
import cn.zhibu.admission.internal.AdmissionRollup;
import cn.zhibu.admission.internal.CaseRow;
import cn.zhibu.admission.internal.Derived;
import cn.zhibu.member.IdNumberCheck;
import cn.zhibu.member.IdNumberUse;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberForm;
import cn.zhibu.member.MemberService;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.MembershipService;
import cn.zhibu.member.StatusChange;
import cn.zhibu.member.StatusChangeKind;
import cn.zhibu.organization.Committee;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.Paging;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldCipher;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.IdNumberHits;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.MaskedForms;
import cn.zhibu.platform.Masking;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.TreePath;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admission workflow (RULES.md §1): opening a case on an application, recording each step under the rules in
 * force on its date, and the pipeline of a subtree. Admission and 转正 reach the member registry through the member
 * module's services, in the same transaction, so a person is never approved without their registry record.
 */
@Service
public class AdmissionService {

    static final String ENTITY = "admission_case";
    private static final String NOT_FOUND = "发展党员记录不存在或不在您的管理范围内";
    static final int PAGE_SIZE = 20;
    static final int SEARCH_COUNT_CAP = 1000;

    private final AdmissionRecords records;
    private final OrganizationService organizations;
    private final MemberService members;
    private final MembershipService membership;
    private final FieldCipher cipher;
    private final MaskedForms masked;
    private final AuditLog audit;
    private final RuleSets rules;
    private final PublicityLookup publicity;
    private final ApplicationEventPublisher events;
    private final AdmissionRollup rollup;
    private final IdNumberCheck idNumbers;
    private final IdNumberHits hits;
    private final MeetingRoll meetingRoll;
    private final FirstTalkers firstTalkers;

    AdmissionService(AdmissionRollup rollup, AdmissionRecords records, OrganizationService organizations, MemberService members,
                     MembershipService membership, FieldCipher cipher, MaskedForms masked, AuditLog audit, RuleSets rules,
                     PublicityLookup publicity, ApplicationEventPublisher events, IdNumberCheck idNumbers,
                     IdNumberHits hits, MeetingRoll meetingRoll, FirstTalkers firstTalkers) {
        this.firstTalkers = firstTalkers;
        this.meetingRoll = meetingRoll;
        this.idNumbers = idNumbers;
        this.hits = hits;
        this.rollup = rollup;
        this.events = events;
        this.records = records;
        this.organizations = organizations;
        this.members = members;
        this.membership = membership;
        this.cipher = cipher;
        this.masked = masked;
        this.audit = audit;
        this.rules = rules;
        this.publicity = publicity;
    }

    public RuleSets ruleSets() {
        return rules;
    }

    /** Step 1: opens a case on an application handed in to a branch the caller manages (D2). */
    @Transactional
    public AdmissionCase apply(DataScope scope, ApplicationForm form) {
        FieldErrors errors = new FieldErrors();
        Organization org = null;
        if (form.orgId() == null) {
            errors.reject("orgId", "请选择接收申请的党组织");
        } else {
            org = organizations.lockManaged(scope, form.orgId());
            if (!org.active()) {
                errors.reject("orgId", "“" + org.name() + "”已撤销，不能接收入党申请");
            } else if (!org.type().holdsMembers()) {
                errors.reject("orgId", "入党申请由党支部接收，“" + org.name() + "”是" + org.typeLabel());
            }
        }
        MemberForm person = MemberService.checkPerson(new MemberForm(form.orgId(), form.name(), null,
                form.ethnicity(), null, form.idNumber(), form.phone(), form.education(), form.occupation(), null, null,
                null, null, form.workUnit()), errors);
        LocalDate today = LocalDate.now();
        if (form.appliedOn() == null) {
            errors.reject("appliedOn", "请填写递交入党申请书的日期");
        } else if (form.appliedOn().isAfter(today)) {
            errors.reject("appliedOn", "申请日期不能晚于今天");
        } else if (person.birthDate() != null && !errors.has("idNumber")) {
            AdmissionRules.ageProblem(person.birthDate(), form.appliedOn()).ifPresent(p -> errors.reject("appliedOn", p));
        }
        // the 身份证号 is looked up only when nothing else is wrong: an invalid request learns nothing about it
        if (errors.isEmpty()) {
            idNumberRefusal(scope, person.idNumber()).ifPresent(problem -> errors.reject("idNumber", problem));
        }
        errors.throwIfAny();
        byte[] idHash = cipher.lookupHash(person.idNumber());
        long id = records.insert(new CaseRow(0, org.id(), org.name(), org.path().value(), org.rootId(), person.name(),
                person.gender(), person.birthDate(), cipher.encrypt(person.idNumber()),
                person.phone() == null ? null : cipher.encrypt(person.phone()), Masking.idNumber(person.idNumber()),
                Masking.phone(person.phone()), person.ethnicity(), person.education(),
                person.occupation(), person.workUnit(), AdmissionStage.APPLICANT, form.appliedOn(), null, null, false,
                null, null, null, null, null, null, 0), idHash);
        StepForm first = StepForm.simple(AdmissionStep.APPLICATION, form.appliedOn(), person.name(), null);
        records.appendStep(id, first, rules.inForce(form.appliedOn()), scope.actorName());
        CaseRow row = records.find(id).orElseThrow();
        store(null, row, derive(row, new AdmissionFlow(records.steps(id)), null, null, null));
        AdmissionCase created = get(scope, id);
        audit.record(scope, AdmissionAuditAction.APPLIED, ENTITY, id, org.path().value(), null, snapshot(created, null));
        return created;
    }

    /**
     * Why this person cannot apply: a member or archived record holds the number, or an open case does. Answered by
     * the one policy of {@link IdNumberHits}: within the caller's scope what it is, elsewhere only that it is
     * registered elsewhere; audited and limited per hour.
     */
    private Optional<String> idNumberRefusal(DataScope scope, String idNumber) {
        IdNumberUse use = IdNumberUse.APPLICANT;
        return idNumbers.refusal(scope, use, idNumber, null).or(() -> records.openCaseFor(cipher.lookupHash(idNumber))
                .map(open -> hits.answer(scope, use.operation(), new IdNumberHits.Probe(idNumber,
                        new IdNumberHits.Holder(ENTITY, open.getKey(), open.getValue(), "该身份证号已有正在进行的发展党员记录")),
                        use.elsewhere())));
    }

    /** A case in the caller's scope; 404 otherwise, whether or not it exists. */
    public AdmissionCase get(DataScope scope, long id) {
        CaseRow row = records.find(id).filter(r -> scope.managesMembersAt(r.orgPath()))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        return toCase(scope, row, records.steps(id));
    }

    /**
     * The checks of {@link #record} without recording: the step as it would be saved (the vote counted on the roll of
     * its date, the talkers named) and the soft rules it breaks — what the browser shows before the user confirms.
     */
    @Transactional
    public StepCheck check(DataScope scope, long id, StepForm request) {
        Judged judged = judge(scope, id, request);
        return new StepCheck(judged.form(), rules.inForce(judged.form().doneOn()), judged.verdict().warnings(),
                judged.form().memberIds().stream().map(judged.facts().people()::get).filter(java.util.Objects::nonNull)
                        .map(AdmissionRules.Person::name).toList());
    }

    /** A step judged on the locked case: refused (thrown) when a hard rule forbids it. */
    private record Judged(CaseRow row, StepForm form, AdmissionFlow flow, AdmissionRules.Facts facts,
                          AdmissionRules.Verdict verdict) {
    }

    private Judged judge(DataScope scope, long id, StepForm request) {
        CaseRow row = lockCase(scope, id, null);
        StepForm form = meetingRoll.apply(scope, row.orgId(), request);
        if (form.step() != null && !mayRecord(scope, row.orgPath(), form.step())) {
            throw InvalidInputException.of("step", form.step().title() + "是上级党委的决定，须由上级党委（基层党委）的组织管理员"
                    + "办理，党支部不能自行审批");
        }
        AdmissionFlow flow = new AdmissionFlow(records.steps(id), row.stage() == AdmissionStage.CLOSED);
        AdmissionRules.Facts facts = facts(scope, row, form);
        form = namedTalkers(form, facts);
        AdmissionRules.Verdict verdict = AdmissionRules.check(form, flow, rules, facts, LocalDate.now());
        verdict.errors().throwIfAny();
        return new Judged(row, form, flow, facts, verdict);
    }

    /** D3: only the first talk names talkers; their names are the registry's, whatever a request says. */
    static StepForm namedTalkers(StepForm form, AdmissionRules.Facts facts) {
        return form.step() != AdmissionStep.FIRST_TALK ? form.withTalkers(List.of(), List.of())
                : form.withTalkers(form.talkerIds(), form.talkerIds().stream().map(facts.talkerPeople()::get)
                .filter(java.util.Objects::nonNull).toList());
    }

    /** Records one step; refuses what a hard rule forbids and reports what a soft rule warns of. */
    @Transactional
    public Recorded record(DataScope scope, long id, StepForm request) {
        Judged judged = judge(scope, id, request);
        CaseRow row = judged.row();
        StepForm form = judged.form();
        AdmissionFlow flow = judged.flow();
        AdmissionRules.Verdict verdict = judged.verdict();
        AdmissionCase before = toCase(scope, row, flow.records(AdmissionStep.APPLICATION));
        RuleSet set = rules.inForce(form.doneOn());
        long stepId = records.appendStep(id, form, set, scope.actorName());
        List<StepRecord> stepsAfter = records.steps(id);
        AdmissionFlow after = new AdmissionFlow(stepsAfter);
        Long memberId = row.memberId();
        LocalDate approvedOn = row.approvedOn();
        LocalDate convertedOn = null;
        if (form.step() == AdmissionStep.APPROVAL && form.positive()) {
            memberId = admitToRegistry(scope, row, after.admittedAt().orElseThrow());
            approvedOn = form.doneOn();
        } else if (form.step() == AdmissionStep.CONVERSION_APPROVAL && form.positive()) {
            convertedOn = applyConversion(scope, row, flow, after, form);
        }
        store(row, row, derive(row, after, memberId, approvedOn, convertedOn));
        if (form.step() == AdmissionStep.APPROVAL && form.positive()) {
            events.publishEvent(new CandidateAdmitted(id, memberId, row.orgId(), after.admittedAt().orElseThrow(),
                    form.doneOn()));
        } else if (convertedOn != null) {
            events.publishEvent(new CandidateConverted(id, memberId, row.orgId(), convertedOn));
        }
        AdmissionCase updated = toCase(scope, records.find(id).orElseThrow(), stepsAfter);
        StepRecord recorded = updated.steps().stream().filter(s -> s.id() == stepId).findFirst().orElseThrow();
        audit.record(scope, AdmissionAuditAction.step(form.step()), ENTITY, id, row.orgPath(), snapshot(before, null),
                snapshot(updated, recorded));
        return new Recorded(updated, recorded, verdict.warnings());
    }

    /** Ends a case before admission (withdrawn, 政审不合格, not chosen …); a 预备党员 leaves only by D11's cancellation. */
    @Transactional
    public AdmissionCase close(DataScope scope, long id, LocalDate closedOn, String reason) {
        CaseRow row = lockCase(scope, id, null);
        FieldErrors errors = new FieldErrors();
        if (row.stage() == AdmissionStage.PROBATIONARY || row.stage() == AdmissionStage.FULL) {
            errors.reject("", "已接收为预备党员，不能直接终止：预备期满由支部大会讨论决定转正、延长预备期或取消预备党员资格（D11）");
        } else if (row.stage() == AdmissionStage.CLOSED) {
            errors.reject("", "该发展工作已终止");
        }
        if (reason == null || reason.isBlank()) {
            errors.reject("reason", "请填写终止的原因");
        } else if (reason.length() > AdmissionRules.TEXT_MAX) {
            errors.reject("reason", "原因不能超过" + AdmissionRules.TEXT_MAX + "字");
        }
        if (closedOn == null) {
            errors.reject("closedOn", "请填写终止日期");
        } else if (closedOn.isAfter(LocalDate.now()) || closedOn.isBefore(row.appliedOn())) {
            errors.reject("closedOn", "终止日期应在申请日期（" + row.appliedOn() + "）和今天之间");
        }
        errors.throwIfAny();
        AdmissionCase before = get(scope, id);
        store(row, row, new Derived(AdmissionStage.CLOSED, null, null, false, null, row.memberId(),
                row.approvedOn(), row.convertedOn(), reason.trim(), closedOn));
        AdmissionCase closed = get(scope, id);
        audit.record(scope, AdmissionAuditAction.CLOSED, ENTITY, id, row.orgPath(), snapshot(before, null), snapshot(closed, null));
        return closed;
    }

    /** The pipeline of a subtree: one page of cases at a stage (the open ones when null), most urgent first. */
    public CasePage pipeline(DataScope scope, long orgId, AdmissionStage stage, String name, int page) {
        Organization org = organizations.getManaged(scope, orgId);
        Paging paging = Paging.of(page, PAGE_SIZE);
        LocalDate today = LocalDate.now();
        // the roll-ups' figures: the pager's total, and how the page is read
        Map<AdmissionStage, Long> stages = rollup.stages(org.id());
        long cases = stage != null ? stages.getOrDefault(stage, 0L) : open(stages);
        boolean byOrganization = AdmissionRecords.readByOrganization(cases, organizations.subtreeSize(org.id()));
        List<CaseSummary> rows = records.page(scope, org.path(), stage, name, paging, byOrganization).stream()
                .map(r -> summary(r, today)).toList();
        long total = name != null && !name.isBlank()
                ? records.count(scope, org.path(), stage, name, SEARCH_COUNT_CAP, byOrganization) : cases;
        return new CasePage(rows, paging.page(), PAGE_SIZE, total);
    }

    /** The open cases (not closed, not yet full members) of a roll-up's stages. */
    private static long open(Map<AdmissionStage, Long> stages) {
        return stages.entrySet().stream().filter(e -> e.getKey().open() && e.getKey() != AdmissionStage.FULL)
                .mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * Whether the due cases of the subtree (or, without one, of the caller's scope) are read organization by
     * organization, by the roll-ups of its open cases and organizations (an administrator's whole tree: walked).
     */
    private boolean dueByOrganization(DataScope scope, TreePath subtree) {
        if (subtree == null && scope.all()) {
            return false;
        }
        List<Long> roots = subtree != null ? List.of(subtree.lastId())
                : scope.browseRoots().stream().map(TreePath::lastId).toList();
        return AdmissionRecords.readByOrganization(roots.stream().mapToLong(id -> open(rollup.stages(id))).sum(),
                organizations.organizationsCovered(scope, subtree));
    }

    /** S1: people at each stage of a subtree, and admitted and converted in a year. */
    public PipelineCounts counts(DataScope scope, long orgId, int year) {
        Organization org = organizations.getManaged(scope, orgId);
        return new PipelineCounts(rollup.stages(org.id()), year, rollup.admitted(org.id(), year),
                rollup.converted(org.id(), year));
    }

    /** Deadlines within {@code days} (or passed) on the cases the caller manages: talks, reviews, approvals, probation. */
    public List<AdmissionReminder> reminders(DataScope scope, LocalDate today, int days) {
        return reminders(scope, null, today, days, 200);
    }

    /**
     * The same within one subtree ({@code subtree} null: the caller's whole scope), on at most {@code limit} cases, the
     * nearest deadlines first: the inbox's and the to-do page's bound, read from the case's stored next deadline.
     */
    public List<AdmissionReminder> reminders(DataScope scope, TreePath subtree, LocalDate today, int days, int limit) {
        List<AdmissionReminder> result = new ArrayList<>();
        LocalDate horizon = today.plusDays(days);
        List<CaseRow> due = records.dueBy(scope, subtree, horizon, limit, dueByOrganization(scope, subtree));
        Map<Long, List<StepRecord>> steps = records.steps(due.stream().map(CaseRow::id).toList());
        for (CaseRow row : due) {
            for (NextStep d : new AdmissionFlow(steps.getOrDefault(row.id(), List.of())).deadlines(rules)) {
                if (!d.date().isAfter(horizon)) {
                    result.add(new AdmissionReminder(row.id(), row.name(), row.orgId(), row.orgName(), row.orgPath(), d.step(),
                            d.actor(), d.date(), today.isAfter(d.date()), d.rule(), callerActs(scope, row.orgPath(), d.actor())));
                }
            }
        }
        result.sort(java.util.Comparator.comparing(AdmissionReminder::due));
        return result;
    }

    /**
     * D8: cases of a subtree whose 支委会 has reviewed them and which wait for the higher committee's 预审 (a decision
     * with no deadline of its own, so not among the {@link #reminders}), oldest first.
     */
    public List<AdmissionReminder> awaitingPreReview(DataScope scope, TreePath subtree, int limit) {
        return records.waitingAt(scope, subtree, AdmissionStep.PRE_REVIEW.number(), limit).stream()
                .map(row -> new AdmissionReminder(row.id(), row.name(), row.orgId(), row.orgName(), row.orgPath(),
                        AdmissionStep.PRE_REVIEW, StepActor.HIGHER, null, false, "D8 支委会审查后报上级党委预审（第十九条）",
                        callerActs(scope, row.orgPath(), StepActor.HIGHER)))
                .toList();
    }

    /** The higher committee's decisions: a branch may not record them for its own candidates (预审, 审批, 转正审批). */
    private static final java.util.Set<AdmissionStep> HIGHER_DECISIONS = java.util.EnumSet.of(AdmissionStep.PRE_REVIEW,
            AdmissionStep.APPROVAL, AdmissionStep.CONVERSION_APPROVAL);

    /** Whether the caller may record this step: a higher committee's decision only from a role held above the branch. */
    public boolean mayRecord(DataScope scope, String branchPath, AdmissionStep step) {
        return !HIGHER_DECISIONS.contains(step) || callerActs(scope, branchPath, StepActor.HIGHER);
    }

    /**
     * Whether the caller is the one to act: a higher committee's step falls to a role held above the branch; the
     * branch's (and the applicant's, which the branch collects) to a role held at the branch itself.
     */
    static boolean callerActs(DataScope scope, String branchPath, StepActor actor) {
        if (scope.all()) {
            return actor == StepActor.HIGHER;
        }
        boolean atBranch = scope.memberPaths().stream().anyMatch(p -> p.value().equals(branchPath));
        boolean above = scope.memberPaths().stream()
                .anyMatch(p -> branchPath.startsWith(p.value()) && !p.value().equals(branchPath));
        return actor == StepActor.HIGHER ? above : atBranch || !above;
    }

    /**
     * D9: the voting 正式党员 of the case's branch (its 党小组 included) on a day: not 预备党员, not under 留党察看 —
     * the roll a branch meeting on that day votes on.
     */
    public List<BranchVote.Voter> votingRoll(DataScope scope, long caseId, LocalDate day) {
        return meetingRoll.of(scope, get(scope, caseId).orgId(), day);
    }

    /** The size of today's roll (D9). */
    public int registryVoters(DataScope scope, long caseId) {
        return votingRoll(scope, caseId, LocalDate.now()).size();
    }

    // ---- effects on the registry -----------------------------------------------------------------------

    /** D10: approved — a 预备党员 from the date of the admitting branch meeting (党籍 and probation count from it). */
    private long admitToRegistry(DataScope scope, CaseRow row, LocalDate meetingOn) {
        Member m = members.create(scope, new MemberForm(row.orgId(), row.name(), row.gender(), row.ethnicity(),
                row.birthDate(), cipher.decrypt(row.idNumberEnc()),
                row.phoneEnc() == null ? null : cipher.decrypt(row.phoneEnc()), row.education(), row.occupation(),
                MemberStatus.PROBATIONARY, meetingOn, null, null, row.workUnit()));
        return m.id();
    }

    /**
     * D11: the decision of the 转正 meeting this approval answers reaches the registry; returns the 转正 date when
     * converted. The decision is read from the steps before the approval: once an extension is approved a new
     * probation cycle starts, in which the approved meeting is no longer current (an extension changes only the
     * end of probation, which the case's steps give).
     */
    private LocalDate applyConversion(DataScope scope, CaseRow row, AdmissionFlow before, AdmissionFlow after,
                                      StepForm form) {
        ConversionDecision decision = before.last(AdmissionStep.CONVERSION_MEETING).orElseThrow().form().decision();
        String approvedBy = form.actedBy() == null || form.actedBy().isBlank() ? "上级党委" : form.actedBy();
        if (decision == ConversionDecision.CONVERT) {
            // 党龄 counts from the day probation ends (D10), an extended probation's end included (D11)
            LocalDate on = after.probationEnds().orElseThrow();
            membership.change(scope, row.memberId(), new StatusChange(StatusChangeKind.CONVERT, on, after.extended()
                    ? "延长的预备期满，经支部大会讨论通过、上级党委批准，转为正式党员"
                    : "预备期满，经支部大会讨论通过、上级党委批准，按期转为正式党员", null, approvedBy));
            return on;
        }
        if (decision == ConversionDecision.CANCEL) {
            membership.change(scope, row.memberId(), new StatusChange(StatusChangeKind.CANCEL_PROBATION, form.doneOn(),
                    "经支部大会讨论、上级党委批准，取消预备党员资格", null, approvedBy));
        }
        if (decision == ConversionDecision.EXTEND) {
            // D11: the registry keeps the new end, so the member page, its reminders and a 转正 there follow it
            membership.change(scope, row.memberId(), new StatusChange(StatusChangeKind.EXTEND_PROBATION, form.doneOn(),
                    "经支部大会讨论、上级党委批准，延长预备期", null, approvedBy, after.probationEnds().orElseThrow(),
                    null));
        }
        return null;
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    AdmissionRules.Facts facts(DataScope scope, CaseRow row, StepForm form) {
        Map<Long, AdmissionRules.Person> people = new HashMap<>();
        LocalDate on = form.doneOn() == null ? LocalDate.now() : form.doneOn();
        java.util.Set<Long> disciplined = membership.underPartyProbation(scope, form.memberIds(), on);
        for (Long memberId : form.memberIds()) {
            try {
                Member m = members.get(scope, memberId);
                if (scope.managesMembersAt(m.orgPath())) {
                    people.put(memberId, new AdmissionRules.Person(m.id(), m.name(), m.status(),
                            disciplined.contains(memberId)));
                }
            } catch (NotFoundException absent) {
                // left out: the rules say the person is not on the caller's roll
            }
        }
        Committee committee = organizations.committee(scope, row.orgId());
        return new AdmissionRules.Facts(people,
                form.publicityId() == null ? Optional.empty() : publicity.find(scope, form.publicityId(), row.id()),
                committee.exists(), FirstTalkers.seatNames(committee), FirstTalkers.seatMembers(committee),
                firstTalkers.found(scope, form.talkerIds()));
    }

    /** D3: whom the first talk may be given to, for the form to offer (see {@link FirstTalkers#candidates}). */
    public List<TalkerCandidate> talkerCandidates(DataScope scope, long caseId) {
        return firstTalkers.candidates(scope, get(scope, caseId).orgId());
    }

    /**
     * Locks a case for a change, after share-locking its organization (and {@code alsoOrgId}, in path order): the
     * order every writer and an organization move take (organizations, then rows), so they cannot deadlock.
     */
    CaseRow lockCase(DataScope scope, long id, Long alsoOrgId) {
        CaseRow seen = records.find(id).filter(r -> scope.managesMembersAt(r.orgPath()))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        organizations.lockInPathOrder(alsoOrgId == null ? List.of(seen.orgId()) : List.of(seen.orgId(), alsoOrgId));
        return records.findForUpdate(id).filter(r -> scope.managesMembersAt(r.orgPath()))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    /** Stores what the steps imply, and moves the case's counts in the roll-up from what it was to what it is. */
    void store(CaseRow before, CaseRow row, Derived d) {
        records.updateDerived(row.id(), d);
        rollup.change(row.orgPath(), before == null ? null : counted(before),
                new AdmissionRollup.Counted(d.stage(), d.approvedOn(), d.convertedOn()));
    }

    static AdmissionRollup.Counted counted(CaseRow r) {
        return new AdmissionRollup.Counted(r.stage(), r.approvedOn(), r.convertedOn());
    }

    Derived derive(CaseRow row, AdmissionFlow flow, Long memberId, LocalDate approvedOn, LocalDate convertedOn) {
        AdmissionStage stage = flow.stage();
        Optional<NextStep> next = flow.next(rules);
        LocalDate due = stage == AdmissionStage.CLOSED || stage == AdmissionStage.FULL ? null
                : flow.deadlines(rules).stream().map(NextStep::date).findFirst().orElse(null);
        String closedReason = null;
        LocalDate closedOn = null;
        if (stage == AdmissionStage.CLOSED) {
            Optional<StepRecord> refused = flow.last(AdmissionStep.APPROVAL).filter(r -> !r.positive());
            closedReason = refused.isPresent() ? "上级党委审批未批准接收为预备党员" : "经支部大会讨论、上级党委批准，取消预备党员资格";
            closedOn = refused.or(() -> flow.last(AdmissionStep.CONVERSION_APPROVAL)).map(StepRecord::doneOn)
                    .orElse(null);
        }
        return new Derived(stage, next.map(n -> n.step().number()).orElse(null), next.map(NextStep::date).orElse(null),
                next.map(NextStep::earliest).orElse(false), due, memberId, approvedOn,
                convertedOn != null ? convertedOn : row.convertedOn(), closedReason, closedOn);
    }

    private CaseSummary summary(CaseRow r, LocalDate today) {
        AdmissionStep next = r.nextStep() == null ? null : AdmissionStep.ofNumber(r.nextStep()).orElse(null);
        boolean overdue = NextStep.overdue(r.nextDate(), r.nextEarliest(), today);
        return new CaseSummary(r.id(), r.orgId(), r.orgName(), r.name(), r.gender(), r.stage(), r.appliedOn(), next,
                r.nextDate(), r.nextEarliest(), overdue);
    }

    /** The case as the caller sees it: decrypted only for a role that may see the numbers in full. */
    AdmissionCase toCase(DataScope scope, CaseRow r, List<StepRecord> steps) {
        boolean full = scope.seesSensitive();
        String id = full ? cipher.decrypt(r.idNumberEnc()) : masked.idNumber(r.idNumberMasked(), r.idNumberEnc());
        String phone = full ? cipher.decrypt(r.phoneEnc()) : masked.phone(r.phoneMasked(), r.phoneEnc());
        return new AdmissionCase(r.id(), r.orgId(), r.orgName(), r.orgPath(), r.name(), r.gender(), r.birthDate(),
                id, r.ethnicity(), r.education(), r.workUnit(), phone, r.stage(), r.appliedOn(), r.memberId(),
                r.closedReason(), r.closedOn(), r.version(), steps);
    }

    static Map<String, Object> snapshot(AdmissionCase c, StepRecord step) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("idNumber", Masking.idNumber(c.idNumber()));
        m.put("org", c.orgName());
        m.put("stage", c.stage().name());
        if (step != null) {
            m.put("step", step.step().number());
            m.put("doneOn", step.doneOn().toString());
            m.put("ruleSet", step.ruleSet().name());
        }
        if (c.closedReason() != null) {
            m.put("closedReason", c.closedReason());
        }
        return m;
    }
}
