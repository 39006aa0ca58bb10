package cn.zhibu.organization;

import cn.zhibu.organization.internal.OrganizationRepository;
import cn.zhibu.organization.internal.SeatHistoryRows;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.TreePath;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The organization tree: browse, create, edit, move and dissolve, always within the caller's scope. */
@Service
@Transactional(readOnly = true)
public class OrganizationService {

    private static final String ENTITY = "organization";

    private final OrganizationRepository repository;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final SeatHistoryRows seatHistory;
    private final Clock clock;

    OrganizationService(OrganizationRepository repository, AuditLog audit, ApplicationEventPublisher events,
                        SeatHistoryRows seatHistory, Clock clock) {
        this.seatHistory = seatHistory;
        this.clock = clock;
        this.repository = repository;
        this.audit = audit;
        this.events = events;
    }

    /** An organization the caller may see (own subtree, or own organization for a member); else 404. */
    public Organization get(DataScope scope, long id) {
        return repository.find(id).filter(o -> scope.viewsOrgAt(o.path().value()))
                .orElseThrow(() -> new NotFoundException("组织不存在或不在您的管理范围内"));
    }

    /** An organization whose members the caller manages; else 404. */
    public Organization getManaged(DataScope scope, long id) {
        return repository.find(id).filter(o -> scope.managesMembersAt(o.path().value()))
                .orElseThrow(() -> new NotFoundException("组织不存在或不在您的管理范围内"));
    }

    /** Like {@link #getManaged} but locks the row so a concurrent move waits for the caller's transaction. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Organization lockManaged(DataScope scope, long id) {
        return repository.findForShare(id).filter(o -> scope.managesMembersAt(o.path().value()))
                .orElseThrow(() -> new NotFoundException("组织不存在或不在您的管理范围内"));
    }

    /**
     * Share-locks several organizations at once, in path order, so that a writer touching two of them (a member
     * moving between branches) and a subtree move (which locks in path order) cannot deadlock. Returns those found,
     * in path order, without a scope check: the caller checks its scope on what it uses (see {@link #managedOf}).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public List<Organization> lockInPathOrder(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : repository.lockInPathOrder(ids);
    }

    /** Of organizations already read (and locked), the one with this id whose members the caller manages, if any. */
    public static java.util.Optional<Organization> managedOf(DataScope scope, Collection<Organization> orgs, long id) {
        return orgs.stream().filter(o -> o.id() == id && scope.managesMembersAt(o.path().value())).findFirst();
    }

    /** The caller's starting organizations whose members they manage (empty for a plain member). */
    public List<Organization> managedRoots(DataScope scope) {
        return roots(scope).stream().filter(o -> scope.managesMembersAt(o.path().value())).toList();
    }

    /** Where the caller starts browsing: their role organizations, or the tops of the tree for an administrator. */
    public List<Organization> roots(DataScope scope) {
        if (scope.all()) {
            return repository.topLevel();
        }
        return repository.findByPaths(scope.browseRoots());
    }

    public List<Organization> children(DataScope scope, long id, boolean includeDissolved) {
        Organization parent = get(scope, id);
        if (!scope.managesMembersAt(parent.path().value())) {
            return List.of();
        }
        return repository.children(id, includeDissolved);
    }

    /** The chain from the top of the caller's scope down to this organization, for breadcrumbs. */
    public List<Organization> ancestorsWithin(DataScope scope, Organization org) {
        List<Organization> chain = new ArrayList<>();
        for (Long id : org.path().ids()) {
            repository.find(id).filter(o -> scope.viewsOrgAt(o.path().value())).ifPresent(chain::add);
        }
        return chain;
    }

    public List<Organization> subtree(DataScope scope, long id, int limit, int offset) {
        Organization root = getManaged(scope, id);
        return repository.subtree(root.path(), scope, limit, offset);
    }

    public List<Organization> search(DataScope scope, String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return repository.search(scope, text.trim(), Math.min(limit, 50));
    }

    /**
     * Active branches and 党小组 whose name contains the text, anywhere on the platform: the one directory read across
     * scopes, because a member may be transferred to any organization (R1). It shows names only.
     */
    public List<TransferTarget> transferTargets(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return repository.search(DataScope.system("转接目录"), text.trim(), Math.min(limit, 50) * 2).stream()
                .filter(o -> o.type().holdsMembers()).limit(Math.min(limit, 50))
                .map(o -> new TransferTarget(o.id(), o.name(), o.typeLabel(),
                        o.parentId() == null ? null : repository.find(o.parentId()).map(Organization::name).orElse(null)))
                .toList();
    }

    /**
     * An organization by id whatever the caller's scope, for a module that decides the caller's authority itself
     * (a transfer's receiving side is outside the sender's scope). Never hand it to a caller unchecked.
     */
    public Organization describe(long id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("组织不存在"));
    }

    /**
     * Like {@link #describe} for several organizations in one read: id → organization (ids not found are absent).
     * Never hand them to a caller unchecked.
     */
    public Map<Long, Organization> describeAll(Collection<Long> ids) {
        return repository.findAll(ids).stream().collect(java.util.stream.Collectors.toMap(Organization::id, o -> o));
    }

    /** Active organizations the caller manages, by exact name (an import names them): name → those so named. */
    public Map<String, List<Organization>> managedByName(DataScope scope, Collection<String> names) {
        Map<String, List<Organization>> found = new java.util.HashMap<>();
        if (!names.isEmpty()) {
            for (Organization o : repository.findByNames(scope, names)) {
                found.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(o);
            }
        }
        return found;
    }

    /** The nearest 地方党委, 党工委 or 基层党委 at or above the organization: the committee that approves for it. */
    public Organization nearestCommittee(Organization org) {
        List<Long> ids = new ArrayList<>(org.path().ids());
        java.util.Collections.reverse(ids);
        for (Long id : ids) {
            Organization candidate = id == org.id() ? org : describe(id);
            if (candidate.type().isCommittee()) {
                return candidate;
            }
        }
        return describe(org.rootId());
    }

    public Map<OrganizationType, Integer> countsByType(DataScope scope, long id) {
        return countsByType(scope, getManaged(scope, id));
    }

    /** The same for an organization already read (the caller's scope is checked again, without a query). */
    public Map<OrganizationType, Integer> countsByType(DataScope scope, Organization org) {
        if (!scope.managesMembersAt(org.path().value())) {
            throw new NotFoundException("组织不存在或不在您的管理范围内");
        }
        return repository.rollup(org.id());
    }

    /**
     * How many organizations lie below this one, from the roll-up (no scope: a size, for choosing how to read a
     * subtree the caller was already allowed).
     */
    public long subtreeSize(long orgId) {
        return repository.rollup(orgId).values().stream().mapToLong(Integer::longValue).sum();
    }

    /**
     * How many organizations a read covers, from the roll-ups: the subtree's (already checked to be the caller's), or
     * without one those of the caller's scope — every one for an administrator ({@link Long#MAX_VALUE}: unbounded).
     * A size for choosing how to read, like {@link #subtreeSize}.
     */
    public long organizationsCovered(DataScope scope, TreePath subtree) {
        if (subtree != null) {
            return subtreeSize(subtree.lastId());
        }
        return scope.all() ? Long.MAX_VALUE
                : scope.browseRoots().stream().mapToLong(root -> subtreeSize(root.lastId())).sum();
    }

    public Committee committee(DataScope scope, long orgId) {
        return repository.committee(get(scope, orgId).id());
    }

    public Map<Long, Committee> committees(Collection<Long> orgIds) {
        return repository.committees(orgIds);
    }

    @Transactional
    public Organization create(DataScope scope, OrganizationForm form) {
        FieldErrors errors = validate(form);
        Organization parent = null;
        if (form.parentId() != null) {
            parent = repository.find(form.parentId()).filter(o -> scope.viewsOrgAt(o.path().value()))
                    .orElseThrow(() -> InvalidInputException.of("parentId", "上级组织不存在或不在您的管理范围内"));
            if (!scope.administersOrgAt(parent.path().value())) {
                throw new ForbiddenException("您无权在“" + parent.name() + "”下设立组织");
            }
            if (!parent.active()) {
                errors.reject("parentId", "上级组织已撤销，不能在其下设立组织");
            }
        } else if (!scope.all()) {
            throw new ForbiddenException("只有系统管理员可以设立顶级党组织");
        }
        checkPlacement(errors, form.type(), parent);
        errors.throwIfAny();
        long id = repository.nextId();
        TreePath path = parent == null ? TreePath.root(id) : parent.path().child(id);
        long rootId = parent == null ? id : parent.rootId();
        repository.insert(id, form.parentId(), rootId, path, form.name().trim(), blankToNull(form.shortName()),
                form.type(), form.category(), blankToNull(form.unitName()), form.coveredUnits(), form.establishedOn(),
                form.sortOrder() == null ? 0 : form.sortOrder());
        repository.addToRollup(path.ids(), form.type(), 1);
        Organization created = repository.find(id).orElseThrow();
        events.publishEvent(new OrganizationChanged(id));
        audit.record(scope, OrganizationAuditAction.CREATED, ENTITY, id, path.value(), null, snapshot(created));
        return created;
    }

    @Transactional
    public Organization update(DataScope scope, long id, int expectedVersion, OrganizationForm form) {
        Organization before = get(scope, id);
        if (!scope.administersOrgAt(before.path().value())) {
            throw new ForbiddenException("您无权修改该组织的信息");
        }
        if (!before.active()) {
            throw InvalidInputException.of("", "该组织已撤销，不能修改");
        }
        FieldErrors errors = validate(form);
        if (form.type() != null && form.type() != before.type()) {
            Organization parent = before.parentId() == null ? null : repository.find(before.parentId()).orElseThrow();
            checkPlacement(errors, form.type(), parent);
            for (Organization child : repository.children(id, false)) {
                if (!child.type().allowedParents().contains(form.type())) {
                    errors.reject("type", "下级组织“" + child.name() + "”（" + child.typeLabel() + "）不能隶属于"
                            + form.type().label());
                }
            }
        }
        errors.throwIfAny();
        int updated = repository.update(id, expectedVersion, form.name().trim(), blankToNull(form.shortName()),
                form.type(), form.category(), blankToNull(form.unitName()), form.coveredUnits(), form.establishedOn(),
                form.sortOrder() == null ? before.sortOrder() : form.sortOrder());
        if (updated == 0) {
            throw InvalidInputException.of("", "该组织已被他人修改，请刷新后重试");
        }
        if (form.type() != before.type()) {
            repository.addToRollup(before.path().ids(), before.type(), -1);
            repository.addToRollup(before.path().ids(), form.type(), 1);
        }
        events.publishEvent(new OrganizationChanged(id));
        Organization after = repository.find(id).orElseThrow();
        audit.record(scope, OrganizationAuditAction.UPDATED, ENTITY, id, after.path().value(), snapshot(before), snapshot(after));
        return after;
    }

    @Transactional
    public Organization move(DataScope scope, long id, long newParentId) {
        Organization org = get(scope, id);
        if (!scope.restructuresOrgAt(org.path().value())) {
            throw new ForbiddenException("您无权调整该组织的隶属关系");
        }
        Organization newParent = repository.find(newParentId).filter(o -> scope.viewsOrgAt(o.path().value()))
                .orElseThrow(() -> InvalidInputException.of("parentId", "目标上级组织不存在或不在您的管理范围内"));
        FieldErrors errors = new FieldErrors();
        if (!scope.administersOrgAt(newParent.path().value())) {
            errors.reject("parentId", "您无权把组织调整到“" + newParent.name() + "”下");
        } else if (org.path().contains(newParent.path())) {
            errors.reject("parentId", "不能把组织调整到它自己或它的下级组织之下");
        } else if (Objects.equals(org.parentId(), newParentId)) {
            errors.reject("parentId", "该组织已经隶属于“" + newParent.name() + "”");
        } else if (!org.active() || !newParent.active()) {
            errors.reject("parentId", "已撤销的组织不能调整");
        }
        checkPlacement(errors, org.type(), newParent);
        errors.throwIfAny();

        TreePath oldPath = org.path();
        TreePath newPath = newParent.path().child(id);
        repository.lockSubtree(oldPath);
        List<Long> oldAncestors = ancestorsOf(oldPath);
        repository.shiftRollup(id, oldAncestors, newParent.path().ids());
        repository.rewritePaths(oldPath, newPath, newParent.rootId());
        repository.setParent(id, newParentId);
        events.publishEvent(new OrganizationMoved(id, oldPath, newPath, newParent.rootId()));
        Organization after = repository.find(id).orElseThrow();
        audit.record(scope, OrganizationAuditAction.MOVED, ENTITY, id, newPath.value(), snapshot(org), snapshot(after));
        return after;
    }

    @Transactional
    public Organization dissolve(DataScope scope, long id, LocalDate on, String reason) {
        Organization org = get(scope, id);
        if (!scope.restructuresOrgAt(org.path().value())) {
            throw new ForbiddenException("您无权撤销该组织");
        }
        FieldErrors errors = new FieldErrors();
        if (!org.active()) {
            errors.reject("", "该组织已经撤销");
        }
        if (on == null) {
            errors.reject("dissolvedOn", "请填写撤销日期");
        } else if (on.isAfter(LocalDate.now())) {
            errors.reject("dissolvedOn", "撤销日期不能晚于今天");
        } else if (org.establishedOn() != null && on.isBefore(org.establishedOn())) {
            errors.reject("dissolvedOn", "撤销日期不能早于成立日期（" + org.establishedOn() + "）");
        }
        if (reason == null || reason.isBlank()) {
            errors.reject("reason", "请填写撤销原因或批复文号");
        }
        if (!repository.children(id, false).isEmpty()) {
            errors.reject("", "该组织下还有下级组织，请先调整或撤销下级组织");
        }
        errors.throwIfAny();
        events.publishEvent(new OrganizationDissolving(id, org.path(), scope));
        repository.dissolve(id, on, reason.trim());
        repository.addToRollup(org.path().ids(), org.type(), -1);
        events.publishEvent(new OrganizationChanged(id));
        Organization after = repository.find(id).orElseThrow();
        audit.record(scope, OrganizationAuditAction.DISSOLVED, ENTITY, id, org.path().value(), snapshot(org), snapshot(after));
        return after;
    }

    // ---- committee -----------------------------------------------------------------------------------

    @Transactional
    public Committee startTerm(DataScope scope, long orgId, LocalDate start, LocalDate end) {
        Organization org = managedForCommittee(scope, orgId);
        FieldErrors errors = new FieldErrors();
        if (start == null) {
            errors.reject("termStart", "请填写任期开始日期");
        }
        if (end == null) {
            errors.reject("termEnd", "请填写任期届满日期");
        }
        if (start != null && end != null && !end.isAfter(start)) {
            errors.reject("termEnd", "任期届满日期必须晚于开始日期");
        }
        if (start != null && start.isAfter(LocalDate.now())) {
            errors.reject("termStart", "任期开始日期不能晚于今天");
        } else if (start != null && org.establishedOn() != null && start.isBefore(org.establishedOn())) {
            errors.reject("termStart", "任期开始日期不能早于组织成立日期（" + org.establishedOn() + "）");
        }
        // B5: a term as long as the regulation's, and a delayed 换届 at most a year more (选举条例第三条)
        int maxYears = OrganizationRules.maxTermYears(org) + 1;
        if (start != null && end != null && !errors.has("termEnd") && end.isAfter(start.plusYears(maxYears))) {
            errors.reject("termEnd", "任期不能超过" + maxYears + "年（" + org.categoryLabel() + org.typeLabel() + "每届任期一般为"
                    + OrganizationRules.maxTermYears(org) + "年，延期换届一般不超过1年）");
        }
        errors.throwIfAny();
        Committee before = repository.committee(orgId);
        repository.startTerm(orgId, start, end);
        // the seats of the replaced term end today (T2 reads the months each member sat)
        seatsChanged(orgId, seatHistory.endedAll(orgId, LocalDate.now(clock)));
        events.publishEvent(new OrganizationChanged(orgId));
        Committee after = repository.committee(orgId);
        audit.record(scope, OrganizationAuditAction.TERM_STARTED, "committee", orgId, org.path().value(), before, after);
        return after;
    }

    @Transactional
    public Committee addSeat(DataScope scope, long orgId, CommitteePosition position, Long memberId, String personName) {
        Organization org = managedForCommittee(scope, orgId);
        Committee committee = repository.committee(orgId);
        FieldErrors errors = new FieldErrors();
        if (!committee.exists()) {
            errors.reject("", "请先登记本届班子的任期");
        }
        if (position == null) {
            errors.reject("position", "请选择职务");
        }
        if (memberId != null) {
            var name = repository.memberNameInSubtree(memberId, org.path());
            if (name.isEmpty()) {
                errors.reject("memberId", "所选党员不在本组织的名册中");
            } else if (personName == null || personName.isBlank()) {
                personName = name.get();
            }
        }
        if (personName == null || personName.isBlank()) {
            errors.reject("personName", "请填写姓名或从名册中选择党员");
        }
        if (position == CommitteePosition.SECRETARY && committee.secretary().isPresent()) {
            errors.reject("position", "本届班子已有书记，请先移除原书记");
        }
        errors.throwIfAny();
        long seatId = repository.addSeat(committee.termId(), orgId, position, memberId, personName.trim());
        if (memberId != null) {
            seatHistory.began(seatId, memberId, orgId, position.name(), LocalDate.now(clock));
            seatsChanged(orgId, List.of(memberId));
        }
        events.publishEvent(new OrganizationChanged(orgId));
        Committee after = repository.committee(orgId);
        audit.record(scope, OrganizationAuditAction.SEAT_ADDED, "committee", orgId, org.path().value(), committee, after);
        return after;
    }

    @Transactional
    public Committee removeSeat(DataScope scope, long orgId, long seatId) {
        Organization org = managedForCommittee(scope, orgId);
        Committee before = repository.committee(orgId);
        if (repository.removeSeat(orgId, seatId) == 0) {
            throw new NotFoundException("该职务记录不存在");
        }
        seatsChanged(orgId, seatHistory.ended(seatId, LocalDate.now(clock)));
        events.publishEvent(new OrganizationChanged(orgId));
        Committee after = repository.committee(orgId);
        audit.record(scope, OrganizationAuditAction.SEAT_REMOVED, "committee", orgId, org.path().value(), before, after);
        return after;
    }

    private void seatsChanged(long orgId, List<Long> memberIds) {
        if (!memberIds.isEmpty()) {
            events.publishEvent(new CommitteeSeatsChanged(orgId, new java.util.HashSet<>(memberIds)));
        }
    }

    private Organization managedForCommittee(DataScope scope, long orgId) {
        Organization org = get(scope, orgId);
        if (!scope.managesMembersAt(org.path().value())) {
            throw new ForbiddenException("您无权维护该组织的班子");
        }
        if (!org.active()) {
            throw InvalidInputException.of("", "该组织已撤销");
        }
        return org;
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static FieldErrors validate(OrganizationForm form) {
        FieldErrors errors = new FieldErrors();
        if (form.name() == null || form.name().isBlank()) {
            errors.reject("name", "请填写组织名称");
        } else if (form.name().trim().length() > 100) {
            errors.reject("name", "组织名称不能超过100个字");
        }
        if (form.shortName() != null && form.shortName().trim().length() > 30) {
            errors.reject("shortName", "简称不能超过30个字");
        }
        if (form.type() == null) {
            errors.reject("type", "请选择组织类型");
        }
        if (form.category() == null) {
            errors.reject("category", "请选择组织类别");
        }
        if (form.coveredUnits() != null && form.coveredUnits() < 1) {
            errors.reject("coveredUnits", "覆盖单位数至少为1");
        }
        if (form.establishedOn() != null && form.establishedOn().isAfter(LocalDate.now())) {
            errors.reject("establishedOn", "成立日期不能晚于今天");
        }
        return errors;
    }

    /** B3 and the tree's shape: 党小组 only under a branch, branches under committees or 总支, and so on. */
    private static void checkPlacement(FieldErrors errors, OrganizationType type, Organization parent) {
        if (type == null || errors.has("type")) {
            return;
        }
        if (parent == null) {
            if (!type.mayBeTopLevel()) {
                errors.reject("parentId", type.label() + "必须有上级组织");
            }
        } else if (!type.allowedParents().contains(parent.type())) {
            errors.reject(parent == null ? "type" : "parentId", type.label() + "不能设在" + parent.typeLabel()
                    + "之下" + (type == OrganizationType.GROUP ? "（党小组隶属于党支部，RULES B3）" : ""));
        }
    }

    private static List<Long> ancestorsOf(TreePath path) {
        List<Long> ids = new ArrayList<>(path.ids());
        ids.remove(ids.size() - 1);
        return ids;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Map<String, Object> snapshot(Organization o) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("name", o.name());
        m.put("shortName", o.shortName());
        m.put("type", o.type().name());
        m.put("category", o.category().name());
        m.put("parentId", o.parentId());
        m.put("path", o.path().value());
        m.put("unitName", o.unitName());
        m.put("coveredUnits", o.coveredUnits());
        m.put("establishedOn", o.establishedOn() == null ? null : o.establishedOn().toString());
        m.put("status", o.active() ? "ACTIVE" : "DISSOLVED");
        return m;
    }
}
