package cn.zhibu.member;

import cn.zhibu.member.internal.LookupOrganizations;
import cn.zhibu.member.internal.MemberQuery;
import cn.zhibu.member.internal.MemberRepository;
import cn.zhibu.member.internal.MemberRollup;
import cn.zhibu.member.internal.MemberRow;
import cn.zhibu.member.internal.TransferRecords;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldCipher;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.MaskedForms;
import cn.zhibu.platform.Masking;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.Paging;
import cn.zhibu.platform.TreePath;
import cn.zhibu.platform.db.PlannerSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;

/** The member registry (党员信息库): search, read, register, edit and remove, within the caller's scope. */
@Service
@Transactional(readOnly = true)
public class MemberService {

    private static final String ENTITY = "member";
    /** Broad text searches (a bare surname at a city) are counted up to here and shown as "1000+": 50 pages. */
    private static final long COUNT_CAP = 1_000;
    /** Compiled once: an import checks every row with them. */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[\\p{IsHan}A-Za-z·•.\\s]+");
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

    private final MemberRepository repository;
    private final MemberRollup rollup;
    private final OrganizationService organizations;
    private final FieldCipher cipher;
    private final MaskedForms masked;
    private final AuditLog audit;
    private final IdNumberCheck idNumbers;
    private final TransferRecords transfers;
    private final PlannerSettings planner;

    MemberService(MemberRepository repository, MemberRollup rollup, OrganizationService organizations,
                  FieldCipher cipher, MaskedForms masked, AuditLog audit, IdNumberCheck idNumbers,
                  TransferRecords transfers, PlannerSettings planner) {
        this.planner = planner;
        this.masked = masked;
        this.repository = repository;
        this.idNumbers = idNumbers;
        this.transfers = transfers;
        this.rollup = rollup;
        this.organizations = organizations;
        this.cipher = cipher;
        this.audit = audit;
    }

    public MemberPage search(DataScope scope, MemberSearch search) {
        if (!scope.hasManagedScope()) {
            throw new ForbiddenException("您没有查询党员名册的权限");
        }
        Paging.of(search.page(), search.size());
        Organization root = search.orgId() == null ? null : organizations.getManaged(scope, search.orgId());
        TreePath subtree = root == null ? null : root.path();
        String text = search.text() == null ? "" : search.text().trim();
        boolean looksLikeId = text.length() >= 15 && text.substring(0, 15).chars().allMatch(Character::isDigit);
        byte[] idHash = looksLikeId ? cipher.lookupHash(IdCardNumber.normalize(text)) : null;
        boolean firstPage = search.cursor() == null && search.page() == 0;
        MemberQuery.Kind kind = firstPage || search.cursor() == null ? MemberQuery.kindOf(text, looksLikeId)
                : MemberQuery.kindOfCursor(search.cursor());
        MemberQuery query = MemberQuery.of(search, kind, idHash);
        if (query.kind() == MemberQuery.Kind.ID) {
            // a 身份证号 is a key (no other reading is tried): at 5 M members its statement took 0.65 ms to plan, 0.02 to run
            planner.reusePlans();
        }
        LookupOrganizations lookup = repository.lookupOrganizations(scope, subtree,
                ids -> ids.stream().mapToLong(organizations::subtreeSize).sum(),
                ids -> rollup.total(ids, MemberRollup.GENDER, null, null));
        List<MemberRow> rows = repository.search(scope, subtree, query, search, lookup);
        if (rows.isEmpty() && firstPage && query.alternative() != null) {
            query = MemberQuery.of(search, query.alternative(), null);
            rows = repository.search(scope, subtree, query, search, lookup);
        }
        // lists are for finding: every role sees the stored masked forms here, and nothing is decrypted
        List<Member> items = rows.stream().map(this::shown).toList();
        long total;
        boolean exact = true;
        if (query.kind() == MemberQuery.Kind.ALL && search.dimensionFilters() <= 1) {
            total = rollupTotal(scope, root, search);
        } else if (firstPage && rows.size() < search.size()) {
            total = rows.size();
        } else {
            total = repository.count(scope, subtree, query, COUNT_CAP + 1, lookup);
            exact = total <= COUNT_CAP;
            total = Math.min(total, COUNT_CAP);
        }
        return new MemberPage(items, total, exact, search.page(), search.size(),
                MemberRepository.nextCursor(query, rows, search.size()));
    }

    /** The list total from the roll-up: no rows are counted, at any level of the tree. */
    private long rollupTotal(DataScope scope, Organization root, MemberSearch s) {
        List<Long> roots = root != null ? List.of(root.id())
                : organizations.roots(scope).stream().map(Organization::id).toList();
        String status = s.status() == null ? null : s.status().name();
        if (s.gender() != null) {
            return rollup.total(roots, MemberRollup.GENDER, List.of(s.gender().name()), status);
        }
        if (s.education() != null) {
            return rollup.total(roots, MemberRollup.EDUCATION, List.of(s.education().name()), status);
        }
        if (s.occupation() != null) {
            return rollup.total(roots, MemberRollup.OCCUPATION, List.of(s.occupation().name()), status);
        }
        if (s.ethnicity() != null && !s.ethnicity().isBlank()) {
            return rollup.total(roots, MemberRollup.ETHNICITY, List.of(s.ethnicity()), status);
        }
        if (s.ageBand() != null) {
            LocalDate today = LocalDate.now();
            List<String> years = java.util.stream.IntStream.rangeClosed(s.ageBand().earliestBirthYear(today),
                    s.ageBand().latestBirthYear(today)).mapToObj(Integer::toString).toList();
            return rollup.total(roots, MemberRollup.BIRTH_YEAR, years, status);
        }
        return rollup.total(roots, MemberRollup.GENDER, null, status);
    }

    /**
     * A member the caller manages, or the caller's own record, as a card shows them: 身份证号 and phone in their
     * stored masked forms, for every role, without decrypting; otherwise 404, whether or not it exists. Where the
     * full numbers are needed (the member's page, the edit form) use {@link #open}.
     */
    public Member get(DataScope scope, long id) {
        return find(scope, id).orElseThrow(MemberService::notFound);
    }

    /**
     * The member if the caller may see them (masked, as {@link #get}), else empty — for readers that go on without
     * them (an inbox): catching {@link #get}'s exception would mark the caller's transaction rollback-only.
     */
    public Optional<Member> find(DataScope scope, long id) {
        return repository.find(id).filter(row -> visible(scope, row)).map(this::shown);
    }

    /**
     * The member's record opened by the caller (their page, the edit form, an API read of one member): the full
     * 身份证号 and phone, decrypted here, when the caller's role may see them ({@link DataScope#seesSensitive()}) or
     * it is their own record; masked otherwise. 404 as {@link #get}.
     */
    public Member open(DataScope scope, long id) {
        planner.reusePlans();
        return repository.find(id).filter(row -> visible(scope, row)).map(row -> opened(scope, row))
                .orElseThrow(MemberService::notFound);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("党员不存在或不在您的管理范围内");
    }

    @Transactional
    public Member create(DataScope scope, MemberForm form) {
        return create(scope, form, IdNumberUse.NEW_MEMBER, new FieldErrors());
    }

    /**
     * Registers a member; {@code errors} may already hold the caller's own (an inbound letter's). The 身份证号 is
     * looked up only when nothing else is wrong: an invalid request learns nothing about the number.
     */
    @Transactional
    Member create(DataScope scope, MemberForm form, IdNumberUse use, FieldErrors errors) {
        planner.reusePlans();
        MemberForm f = complete(form);
        Organization org = f.orgId() == null ? null : targetOrg(scope, f.orgId(), errors);
        validate(f, errors);
        if (f.orgId() == null) {
            errors.reject("orgId", "请选择所在党组织");
        }
        if (errors.isEmpty()) {
            idNumbers.refusal(scope, use, f.idNumber(), null).ifPresent(problem -> errors.reject("idNumber", problem));
        }
        errors.throwIfAny();
        byte[] idHash = cipher.lookupHash(f.idNumber());
        MemberRow row = repository.insert(toRow(0, org, f, 0, null), idHash, phoneHash(f.phone()));
        // appended, not updated in place: the ancestors' roll-up rows are shared by every writer (see MemberRollup)
        rollup.apply(new MemberRollup.Delta().add(org.path(), row, 1));
        // not read back: the row is what was just written (issue 16, the write path without the re-read)
        Member created = openedAsWritten(scope, row, f.idNumber(), f.phone());
        audit.record(scope, MemberAuditAction.CREATED, ENTITY, row.id(), org.path().value(), null, snapshot(created));
        return created;
    }

    @Transactional
    public Member update(DataScope scope, long id, int expectedVersion, MemberForm form) {
        planner.reusePlans();
        Locked locked = lockWithOrganizations(scope, repository.find(id), form.orgId());
        MemberRow before = locked.row();
        FieldErrors errors = new FieldErrors();
        MemberForm f = complete(keepMaskedFields(scope, before, form));
        Organization org = f.orgId() == null ? null : targetOrg(scope, f.orgId(), locked.orgs(), errors);
        validate(f, errors);
        if (f.orgId() == null) {
            errors.reject("orgId", "请选择所在党组织");
        }
        if (f.orgId() != null && f.orgId() != before.orgId() && transfers.openFor(id).isPresent()) {
            errors.reject("orgId", "该党员正在办理组织关系转接，转接完成或撤回前不能调整所在组织");
        }
        if (f.status() != null && f.status() != before.status()) {
            errors.reject("status", "党员类别不能在编辑中修改：转正等请在党员详情页办理「状态变更」，留下日期、原因和批准组织");
        }
        if (before.version() != expectedVersion) {
            errors.reject("", "该党员信息已被他人修改，请刷新后重新编辑");
        }
        if (errors.isEmpty() && !f.idNumber().equals(cipher.decrypt(before.idNumberEnc()))) {
            idNumbers.refusal(scope, IdNumberUse.EDITED_MEMBER, f.idNumber(), id)
                    .ifPresent(problem -> errors.reject("idNumber", problem));
        }
        errors.throwIfAny();
        byte[] idHash = cipher.lookupHash(f.idNumber());
        Member shownBefore = shown(before);
        MemberRow after = toRow(id, org, f, expectedVersion + 1, before.lostContactSince());
        repository.update(after, expectedVersion, idHash, phoneHash(f.phone()));
        rollup.apply(new MemberRollup.Delta().add(new TreePath(before.orgPath()), before, -1)
                .add(org.path(), after, 1));
        // not read back: under the row lock, with the version checked, the row is what was just written
        Member updated = openedAsWritten(scope, after, f.idNumber(), f.phone());
        audit.record(scope, MemberAuditAction.UPDATED, ENTITY, id, org.path().value(), snapshot(shownBefore), snapshot(updated));
        return updated;
    }

    /**
     * Moves a member to the organization that accepted their transfer. The transfer service has checked the
     * caller's authority over the receiving side; the sending side's roll-ups give the member up here (R1: counted
     * at the sending organization until this moment, never at both).
     */
    void moveByTransfer(DataScope scope, long id, Organization to, String letterNo) {
        MemberRow seen = repository.find(id).orElseThrow(() -> new NotFoundException("党员不存在"));
        organizations.lockInPathOrder(List.of(seen.orgId(), to.id()));
        MemberRow before = repository.findForUpdate(id).orElseThrow(() -> new NotFoundException("党员不存在"));
        if (!to.active() || !to.type().holdsMembers()) {
            throw InvalidInputException.of("", "转入组织“" + to.name() + "”已撤销或不能接收党员，请退回该转接");
        }
        repository.moveTo(id, to.id(), to.path().value(), to.rootId());
        rollup.apply(new MemberRollup.Delta().add(new TreePath(before.orgPath()), before, -1).add(to.path(), before, 1));
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("orgId", before.orgId());
        from.put("org", before.orgName());
        Map<String, Object> into = new LinkedHashMap<>();
        into.put("orgId", to.id());
        into.put("org", to.name());
        into.put("letterNo", letterNo);
        audit.record(scope, MemberAuditAction.MOVED_BY_TRANSFER, ENTITY, id, to.path().value(), from, into);
    }

    /** Removes a record entered by mistake (录入错误). Status changes, not deletion, end a membership. */
    @Transactional
    public void delete(DataScope scope, long id) {
        planner.reusePlans();
        MemberRow row = lockForChange(scope, id, null);
        if (transfers.openFor(id).isPresent()) {
            throw InvalidInputException.of("", "该党员正在办理组织关系转接，请先撤回转接");
        }
        Member shown = shown(row);
        repository.delete(id);
        rollup.apply(new MemberRollup.Delta().add(new TreePath(row.orgPath()), row, -1));
        audit.record(scope, MemberAuditAction.DELETED, ENTITY, id, row.orgPath(), snapshot(shown), null);
    }

    /**
     * Locks the member's organization and the one it moves to (against a concurrent move of their subtrees), in
     * path order, then the member row — the order a subtree move takes its locks too, so the two cannot deadlock.
     */
    MemberRow lockForChange(DataScope scope, long id, Long targetOrgId) {
        return lockForChange(scope, repository.find(id), targetOrgId);
    }

    /** The same for a member row the caller has just read (unlocked). */
    MemberRow lockForChange(DataScope scope, Optional<MemberRow> seen, Long targetOrgId) {
        return lockWithOrganizations(scope, seen, targetOrgId).row();
    }

    /** The locked member row and the organizations locked with it (its own, and the target's if another). */
    record Locked(MemberRow row, List<Organization> orgs) {
    }

    private Locked lockWithOrganizations(DataScope scope, Optional<MemberRow> found, Long targetOrgId) {
        MemberRow seen = found.filter(r -> scope.managesMembersAt(r.orgPath()))
                .orElseThrow(() -> new NotFoundException("党员不存在或不在您的管理范围内"));
        List<Organization> orgs = organizations.lockInPathOrder(targetOrgId == null || targetOrgId == seen.orgId()
                ? List.of(seen.orgId()) : List.of(seen.orgId(), targetOrgId));
        MemberRow locked = repository.findForUpdate(seen.id()).filter(r -> scope.managesMembersAt(r.orgPath()))
                .orElseThrow(() -> new NotFoundException("党员不存在或不在您的管理范围内"));
        if (locked.orgId() != seen.orgId()) {
            throw InvalidInputException.of("", "该党员的组织关系刚被他人调整，请刷新后重试");
        }
        return new Locked(locked, orgs);
    }

    /** Counts of a subtree by the S1 dimensions, read from the roll-up (one indexed read). */
    public MemberBreakdown breakdown(DataScope scope, long orgId) {
        return breakdown(scope, organizations.getManaged(scope, orgId));
    }

    /** The same for an organization already read (the caller's scope is checked again, without a query). */
    public MemberBreakdown breakdown(DataScope scope, Organization org) {
        if (!scope.managesMembersAt(org.path().value())) {
            throw new NotFoundException("组织不存在或不在您的管理范围内");
        }
        Map<MemberStatus, Integer> byStatus = new java.util.EnumMap<>(MemberStatus.class);
        Map<Gender, Integer> byGender = new java.util.EnumMap<>(Gender.class);
        Map<Education, Integer> byEducation = new java.util.EnumMap<>(Education.class);
        Map<String, Integer> byEthnicity = new LinkedHashMap<>();
        Map<Occupation, Integer> byOccupation = new java.util.EnumMap<>(Occupation.class);
        Map<AgeBand, Integer> byAge = new java.util.EnumMap<>(AgeBand.class);
        LocalDate today = LocalDate.now();
        for (Object[] r : rollup.rowsOf(org.id())) {
            String dim = (String) r[0];
            String val = (String) r[1];
            int n = (Integer) r[3];
            switch (dim) {
                case MemberRollup.GENDER -> {
                    byGender.merge(Gender.valueOf(val), n, Integer::sum);
                    byStatus.merge(MemberStatus.valueOf((String) r[2]), n, Integer::sum);
                }
                case MemberRollup.EDUCATION -> byEducation.merge(Education.valueOf(val), n, Integer::sum);
                case MemberRollup.ETHNICITY -> byEthnicity.merge(val, n, Integer::sum);
                case MemberRollup.OCCUPATION -> byOccupation.merge(Occupation.valueOf(val), n, Integer::sum);
                case MemberRollup.BIRTH_YEAR ->
                        byAge.merge(AgeBand.ofBirthYear(Integer.parseInt(val), today), n, Integer::sum);
                default -> {
                }
            }
        }
        return new MemberBreakdown(byStatus, byGender, byEducation, sortByCount(byEthnicity), byOccupation, byAge);
    }

    /** Full and all members per organization, for rule checks; only organizations the caller manages. */
    public Map<Long, Map<MemberStatus, Integer>> statusCounts(DataScope scope, Collection<Organization> orgs) {
        return repository.statusCounts(orgs.stream().filter(o -> scope.managesMembersAt(o.path().value()))
                .map(Organization::id).toList());
    }

    /** For members the caller manages: whether each is probationary and since when full (党龄, D10). */
    public Map<Long, Standing> standings(DataScope scope, Collection<Long> memberIds) {
        Map<Long, Standing> result = new java.util.HashMap<>();
        repository.standings(memberIds).forEach((id, s) -> result.put(id,
                new Standing((MemberStatus) s[0], (LocalDate) s[1])));
        return result;
    }

    /** A member's status and the date they became full, for rules about 党龄. */
    public record Standing(MemberStatus status, LocalDate fullSince) {
    }

    // ---- helpers -------------------------------------------------------------------------------------

    boolean visible(DataScope scope, MemberRow row) {
        return scope.managesMembersAt(row.orgPath()) || Objects.equals(scope.selfMemberId(), row.id());
    }

    /** A row as lists, cards and audit entries show it: the stored masked forms (decrypted only if not yet filled). */
    Member shown(MemberRow row) {
        return toMember(row, masked.idNumber(row.idNumberMasked(), row.idNumberEnc()),
                masked.phone(row.phoneMasked(), row.phoneEnc()), false);
    }

    /** A row opened by the caller: decrypted in full only for a role that may see it, or their own record. */
    Member opened(DataScope scope, MemberRow row) {
        if (!scope.seesSensitive() && !Objects.equals(scope.selfMemberId(), row.id())) {
            return shown(row);
        }
        return toMember(row, cipher.decrypt(row.idNumberEnc()), cipher.decrypt(row.phoneEnc()), true);
    }

    /** The same for a row just written, whose 身份证号 and phone the caller holds in clear (encrypted, not read back). */
    private Member openedAsWritten(DataScope scope, MemberRow row, String idNumber, String phone) {
        if (!scope.seesSensitive() && !Objects.equals(scope.selfMemberId(), row.id())) {
            return toMember(row, Masking.idNumber(idNumber), Masking.phone(phone), false);
        }
        return toMember(row, idNumber, phone, true);
    }

    private static Member toMember(MemberRow row, String idNumber, String phone, boolean full) {
        return new Member(row.id(), row.orgId(), row.orgName(), row.orgPath(), row.name(), row.gender(),
                row.ethnicity(), row.birthDate(), idNumber, phone, row.education(), row.occupation(), row.status(),
                row.joinedOn(), row.convertedOn(), row.jobTitle(), row.workUnit(), row.version(), full,
                row.lostContactSince());
    }

    private Organization targetOrg(DataScope scope, long orgId, FieldErrors errors) {
        try {
            return checkedTarget(organizations.lockManaged(scope, orgId), errors);
        } catch (NotFoundException e) {
            errors.reject("orgId", "所选党组织不存在或不在您的管理范围内");
            return null;
        }
    }

    /** The same, from the organizations {@link #lockWithOrganizations} locked already (no second read). */
    private static Organization targetOrg(DataScope scope, long orgId, List<Organization> locked, FieldErrors errors) {
        Optional<Organization> org = OrganizationService.managedOf(scope, locked, orgId);
        if (org.isEmpty()) {
            errors.reject("orgId", "所选党组织不存在或不在您的管理范围内");
            return null;
        }
        return checkedTarget(org.get(), errors);
    }

    private static Organization checkedTarget(Organization org, FieldErrors errors) {
        if (!org.active()) {
            errors.reject("orgId", "“" + org.name() + "”已撤销，不能接收党员");
        } else if (!org.type().holdsMembers()) {
            errors.reject("orgId", "党员应编入党支部或党小组，“" + org.name() + "”是" + org.typeLabel());
        }
        return org;
    }

    /**
     * A caller who only sees masked 身份证号 and phone edits the other fields and leaves those two empty (or
     * sends the masked value back): the stored values are kept.
     */
    private MemberForm keepMaskedFields(DataScope scope, MemberRow stored, MemberForm f) {
        if (scope.seesSensitive()) {
            return f;
        }
        String storedId = cipher.decrypt(stored.idNumberEnc());
        String storedPhone = cipher.decrypt(stored.phoneEnc());
        String id = f.idNumber() == null || f.idNumber().isBlank() || f.idNumber().contains("*") ? storedId
                : f.idNumber();
        String phone = f.phone() == null || f.phone().isBlank() || f.phone().contains("*") ? storedPhone : f.phone();
        return new MemberForm(f.orgId(), f.name(), f.gender(), f.ethnicity(), f.birthDate(), id, phone,
                f.education(), f.occupation(), f.status(), f.joinedOn(), f.convertedOn(), f.jobTitle(), f.workUnit());
    }

    /** Fills birth date and gender from the 身份证号 when left empty; normalizes text fields. */
    static MemberForm complete(MemberForm f) {
        LocalDate birth = f.birthDate();
        Gender gender = f.gender();
        if (IdCardNumber.isValid(f.idNumber())) {
            IdCardNumber id = IdCardNumber.parse(f.idNumber());
            birth = birth == null ? id.birthDate() : birth;
            gender = gender == null ? id.gender() : gender;
        }
        return new MemberForm(f.orgId(), trim(f.name()), gender, trim(f.ethnicity()), birth,
                IdCardNumber.normalize(trim(f.idNumber())), normalizePhone(f.phone()), f.education(), f.occupation(),
                f.status(), f.joinedOn(), f.convertedOn(), trim(f.jobTitle()), trim(f.workUnit()));
    }

    static void validate(MemberForm f, FieldErrors errors) {
        validatePerson(f, errors);
        validateMembership(f, errors);
    }

    private static void validatePerson(MemberForm f, FieldErrors errors) {
        if (f.name() == null) {
            errors.reject("name", "请填写姓名");
        } else if (f.name().length() > 30) {
            errors.reject("name", "姓名不能超过30个字");
        } else if (!NAME.matcher(f.name()).matches()) {
            errors.reject("name", "姓名只能包含汉字、字母和间隔号");
        }
        String idProblem = IdCardNumber.problem(f.idNumber());
        if (idProblem != null) {
            errors.reject("idNumber", idProblem);
        } else {
            IdCardNumber id = IdCardNumber.parse(f.idNumber());
            if (f.birthDate() != null && !f.birthDate().equals(id.birthDate())) {
                errors.reject("birthDate", "出生日期与身份证号不一致（身份证号显示为" + id.birthDate() + "）");
            }
            if (f.gender() != null && f.gender() != id.gender()) {
                errors.reject("gender", "性别与身份证号不一致（身份证号第17位显示为" + id.gender().label() + "）");
            }
        }
        if (f.gender() == null) {
            errors.reject("gender", "请选择性别");
        }
        if (f.birthDate() == null) {
            errors.reject("birthDate", "请填写出生日期");
        }
        if (f.ethnicity() == null) {
            errors.reject("ethnicity", "请选择民族");
        } else if (!Ethnicities.isValid(f.ethnicity())) {
            errors.reject("ethnicity", cn.zhibu.platform.Quote.of(f.ethnicity()) + "不是有效的民族名称");
        }
        if (f.education() == null) {
            errors.reject("education", "请选择学历");
        }
        if (f.occupation() == null) {
            errors.reject("occupation", "请选择职业");
        }
        if (f.phone() != null && !PHONE.matcher(f.phone()).matches()) {
            errors.reject("phone", "手机号应为11位（1开头），或区号加座机号");
        }
        if (f.jobTitle() != null && f.jobTitle().length() > 50) {
            errors.reject("jobTitle", "职务不能超过50个字");
        }
        if (f.workUnit() != null && f.workUnit().length() > 100) {
            errors.reject("workUnit", "工作单位不能超过100个字");
        }
    }

    /**
     * Checks the personal fields of a form (name, 身份证号 and what it implies, ethnicity, education, occupation, phone,
     * title, unit) — what a person must have before the registry, e.g. an applicant for membership — and returns the
     * form completed from the 身份证号 (birth date, gender) and trimmed.
     */
    public static MemberForm checkPerson(MemberForm form, FieldErrors errors) {
        MemberForm f = complete(form);
        validatePerson(f, errors);
        return f;
    }

    private static void validateMembership(MemberForm f, FieldErrors errors) {
        LocalDate today = LocalDate.now();
        if (f.status() == null) {
            errors.reject("status", "请选择党员类别（正式党员或预备党员）");
        }
        if (f.joinedOn() == null) {
            errors.reject("joinedOn", "请填写入党日期");
        } else {
            if (f.joinedOn().isAfter(today)) {
                errors.reject("joinedOn", "入党日期不能晚于今天");
            }
            if (f.birthDate() != null && f.joinedOn().isBefore(f.birthDate().plusYears(18))) {
                errors.reject("joinedOn", "入党时未满18周岁（《发展党员工作细则》第五条，D2）");
            }
        }
        if (f.status() == MemberStatus.FULL) {
            if (f.convertedOn() == null) {
                errors.reject("convertedOn", "正式党员请填写转正日期");
            } else if (f.joinedOn() != null && f.convertedOn().isBefore(f.joinedOn())) {
                errors.reject("convertedOn", "转正日期不能早于入党日期");
            } else if (f.convertedOn().isAfter(today)) {
                errors.reject("convertedOn", "转正日期不能晚于今天");
            }
        } else if (f.status() == MemberStatus.PROBATIONARY && f.convertedOn() != null) {
            errors.reject("convertedOn", "预备党员尚未转正，不应填写转正日期");
        }
    }

    private MemberRow toRow(long id, Organization org, MemberForm f, int version, LocalDate lostContactSince) {
        return new MemberRow(id, org.id(), org.name(), org.path().value(), org.rootId(), f.name(), f.gender(),
                f.ethnicity(), f.birthDate(), cipher.encrypt(f.idNumber()), cipher.encrypt(f.phone()),
                Masking.idNumber(f.idNumber()), Masking.phone(f.phone()), f.education(),
                f.occupation(), f.status(), f.joinedOn(), f.convertedOn(), f.jobTitle(), f.workUnit(), version,
                PinyinNames.full(f.name()), PinyinNames.initials(f.name()), lostContactSince);
    }

    private byte[] phoneHash(String phone) {
        return phone == null ? null : cipher.lookupHash(phone);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String normalizePhone(String s) {
        String t = trim(s);
        return t == null ? null : t.replace(" ", "");
    }

    private static Map<String, Integer> sortByCount(Map<String, Integer> m) {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        m.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** What the audit log keeps of a member: sensitive fields only masked. */
    private static Map<String, Object> snapshot(Member m) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", m.name());
        s.put("orgId", m.orgId());
        s.put("gender", m.gender().name());
        s.put("ethnicity", m.ethnicity());
        s.put("birthDate", m.birthDate().toString());
        s.put("idNumber", m.sensitiveShown() ? Masking.idNumber(m.idNumber()) : m.idNumber());
        s.put("phone", m.phone() == null ? null : (m.sensitiveShown() ? Masking.phone(m.phone()) : m.phone()));
        s.put("education", m.education().name());
        s.put("occupation", m.occupation().name());
        s.put("status", m.status().name());
        s.put("joinedOn", m.joinedOn().toString());
        s.put("convertedOn", m.convertedOn() == null ? null : m.convertedOn().toString());
        s.put("jobTitle", m.jobTitle());
        s.put("workUnit", m.workUnit());
        return s;
    }
}
