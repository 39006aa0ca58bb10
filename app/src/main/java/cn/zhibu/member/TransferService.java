package cn.zhibu.member;

import cn.zhibu.member.internal.MemberRepository;
import cn.zhibu.member.internal.MemberRow;
import cn.zhibu.member.internal.TransferRecords;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.Paging;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 组织关系转接 within the platform (RULES.md R1, R4): the sending side starts it, the configured committees approve,
 * the receiving organization accepts, and only then does the member move. Any step may refuse, with a reason; the
 * sending side may withdraw it; past its validity it expires. One transaction per action.
 */
@Service
public class TransferService {

    private static final String ENTITY = "member_transfer";
    private static final String NOT_FOUND = "转接记录不存在或不在您的管理范围内";
    static final int TEXT_MAX = 500;
    /** 需我办理 lists at most this many transfers (the nearest end of validity first). */
    static final int AWAITING_LIMIT = 500;

    private final TransferRecords records;
    private final MemberRepository registry;
    private final MemberService members;
    private final OrganizationService organizations;
    private final AuditLog audit;
    private final MembershipService membership;
    private final List<TransferStep> chain;
    private final int validityMonths;
    private final DuesPaidThrough duesLedger;

    TransferService(TransferRecords records, MemberRepository registry, MemberService members,
                    OrganizationService organizations, AuditLog audit, MembershipService membership,
                    @Value("${zhibu.transfer.approvals:SENDING_COMMITTEE,RECEIVING_COMMITTEE}") String approvals,
                    @Value("${zhibu.transfer.validity-months:3}") int validityMonths, DuesPaidThrough duesLedger) {
        this.records = records;
        this.registry = registry;
        this.members = members;
        this.organizations = organizations;
        this.audit = audit;
        this.membership = membership;
        this.chain = chainOf(approvals);
        this.validityMonths = validityMonths;
        this.duesLedger = duesLedger;
    }

    /** The configured committee approvals, then the receiving organization's acceptance, which is always last. */
    static List<TransferStep> chainOf(String approvals) {
        List<TransferStep> steps = new ArrayList<>();
        Arrays.stream(approvals.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(TransferStep::valueOf)
                .filter(s -> s != TransferStep.RECEIVING_ORG && !steps.contains(s)).forEach(steps::add);
        steps.add(TransferStep.RECEIVING_ORG);
        return List.copyOf(steps);
    }

    @Transactional
    public Transfer start(DataScope scope, long memberId, TransferRequest request) {
        MemberRow member = members.lockForChange(scope, memberId, null);
        FieldErrors errors = new FieldErrors();
        Organization to = destination(member, request.toOrgId(), errors);
        checkCommon(member, request.reason(), request.duesPaidUntil(), errors);
        return open(scope, member, TransferKind.INTERNAL, to, null, chain, request.reason(), request.duesPaidUntil(),
                MemberAuditAction.TRANSFER_STARTED);
    }

    /**
     * The checks of {@link #start} without starting, every field at once: the browser asks "确定发起…？" only for a
     * transfer that would be started. Returns the receiving organization.
     */
    @Transactional
    public Organization check(DataScope scope, long memberId, TransferRequest request) {
        MemberRow member = members.lockForChange(scope, memberId, null);
        FieldErrors errors = new FieldErrors();
        Organization to = destination(member, request.toOrgId(), errors);
        checkCommon(member, request.reason(), request.duesPaidUntil(), errors);
        return to;
    }

    private Organization destination(MemberRow member, Long toOrgId, FieldErrors errors) {
        if (toOrgId == null) {
            errors.reject("toOrgId", "请选择转入的党组织");
            return null;
        }
        try {
            Organization to = organizations.describe(toOrgId);
            if (!to.active() || !to.type().holdsMembers()) {
                errors.reject("toOrgId", "转入组织应为正常存续的党支部或党小组");
            } else if (to.id() == member.orgId()) {
                errors.reject("toOrgId", "转入组织与现所在组织相同");
            }
            return to;
        } catch (NotFoundException e) {
            errors.reject("toOrgId", "所选转入组织不存在");
            return null;
        }
    }

    /**
     * A transfer to an organization off the platform: the configured sending-side approval, then the letter goes out
     * and the member stays here (R1) until its 回执 is recorded, when the record leaves the registry.
     */
    @Transactional
    public Transfer startOutbound(DataScope scope, long memberId, OutboundRequest request) {
        MemberRow member = members.lockForChange(scope, memberId, null);
        checkOutbound(member, request);
        List<TransferStep> steps = new ArrayList<>(chain.stream().filter(s -> s == TransferStep.SENDING_COMMITTEE).toList());
        steps.add(TransferStep.RECEIPT);
        return open(scope, member, TransferKind.OUTBOUND, null, request.externalOrg(), steps, request.reason(),
                request.duesPaidUntil(), MemberAuditAction.TRANSFER_OUT_OF_PLATFORM_STARTED);
    }

    /** The checks of {@link #startOutbound} without starting (the browser confirms only a valid letter). */
    @Transactional
    public void checkOutbound(DataScope scope, long memberId, OutboundRequest request) {
        checkOutbound(members.lockForChange(scope, memberId, null), request);
    }

    private void checkOutbound(MemberRow member, OutboundRequest request) {
        FieldErrors errors = new FieldErrors();
        if (request.externalOrg() == null || request.externalOrg().isBlank()) {
            errors.reject("externalOrg", "请填写转入的党组织全称（不在本平台的）");
        } else if (request.externalOrg().length() > 200) {
            errors.reject("externalOrg", "组织名称不能超过200字");
        }
        checkCommon(member, request.reason(), request.duesPaidUntil(), errors);
    }

    /** What every new transfer checks besides its destination; then throws what is wrong, every field at once. */
    private void checkCommon(MemberRow member, String reason, String duesPaidUntil, FieldErrors errors) {
        if (reason == null || reason.isBlank()) {
            errors.reject("reason", "请填写转接原因（如：工作调动、户籍迁移、外出6个月以上相对固定）");
        } else if (reason.length() > TEXT_MAX) {
            errors.reject("reason", "转接原因不能超过" + TEXT_MAX + "字");
        }
        LocalDate today = LocalDate.now();
        checkDues(duesPaidUntil, today, errors);
        records.expireFor(member.id(), today);
        records.openFor(member.id()).ifPresent(open -> errors.reject("", "该党员已有正在办理的组织关系转接，请先完成或撤回"));
        errors.throwIfAny();
    }

    /** Stores and audits a checked transfer. */
    private Transfer open(DataScope scope, MemberRow member, TransferKind kind, Organization to, String externalOrg,
                          List<TransferStep> steps, String reason, String duesPaidUntil, MemberAuditAction action) {
        LocalDate today = LocalDate.now();
        // 党费交至 comes from the ledger; the sender's month counts only for a member the ledger has no bills for
        String dues = duesFromLedger(member.id()).map(java.time.YearMonth::toString).orElse(blankToNull(duesPaidUntil));
        long id = records.start(member, kind, to, externalOrg == null ? null : externalOrg.strip(), steps, reason.strip(),
                dues, today, today.plusMonths(validityMonths), scope.actorName());
        Transfer started = records.find(id).orElseThrow();
        audit.record(scope, action, ENTITY, id, member.orgPath(), null, snapshot(started));
        return started;
    }

    /** A member arriving with a paper letter from an organization off the platform: registered and recorded. */
    @Transactional
    public Transfer registerInbound(DataScope scope, MemberForm form, InboundLetter letter) {
        FieldErrors errors = new FieldErrors();
        if (letter.fromOrg() == null || letter.fromOrg().isBlank()) {
            errors.reject("fromOrg", "请填写原所在党组织（介绍信开具单位）");
        }
        if (letter.letterNo() == null || letter.letterNo().isBlank()) {
            errors.reject("letterNo", "请填写介绍信编号");
        }
        // the letter's errors and the member's are answered together, before any 身份证号 lookup
        Member created = members.create(scope, form, IdNumberUse.INBOUND_MEMBER, errors);
        Organization to = organizations.describe(created.orgId());
        long id = records.recordInbound(created.id(), created.name(), to.id(), to.path().value(), letter.fromOrg().strip(),
                letter.letterNo().strip(), LocalDate.now(), scope.actorName());
        Transfer recorded = records.find(id).orElseThrow();
        audit.record(scope, MemberAuditAction.TRANSFER_FROM_OFF_PLATFORM, ENTITY, id, to.path().value(), null, snapshot(recorded));
        return recorded;
    }

    /** Approves the awaited step (the receiving organization's approval completes the transfer). */
    @Transactional
    public Transfer approve(DataScope scope, long id, String note) {
        Transfer t = lockActionable(scope, id);
        TransferStep step = t.awaiting();
        records.decide(id, t.decisions().size() + 1, step, "APPROVED", blankToNull(note), scope.actorName());
        if (t.nextStep() + 1 < t.chain().size()) {
            records.advance(id);
        } else {
            if (t.kind() == TransferKind.OUTBOUND) {
                membership.transferredOut(scope, t);
            } else {
                members.moveByTransfer(scope, t.memberId(), organizations.describe(t.toOrgId()), t.letterNo());
            }
            records.advance(id);
            records.finish(id, TransferStatus.COMPLETED);
        }
        return recorded(scope, id, switch (step) {
            case RECEIVING_ORG -> MemberAuditAction.TRANSFER_RECEIVED;
            case RECEIPT -> MemberAuditAction.TRANSFER_RECEIPT;
            default -> MemberAuditAction.TRANSFER_APPROVED;
        }, t);
    }

    /** Refuses the awaited step: R1 forbids refusing without cause, so the reason is required and kept. */
    @Transactional
    public Transfer refuse(DataScope scope, long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("note", "退回须说明理由（《党员教育管理工作条例》第二十五条：不得无故拒绝接收）");
        }
        if (reason.length() > TEXT_MAX) {
            throw InvalidInputException.of("note", "理由不能超过" + TEXT_MAX + "字");
        }
        Transfer t = lockActionable(scope, id);
        records.decide(id, t.decisions().size() + 1, t.awaiting(), "REFUSED", reason.strip(), scope.actorName());
        records.finish(id, TransferStatus.REFUSED);
        return recorded(scope, id, MemberAuditAction.TRANSFER_REFUSED, t);
    }

    /** The sending side withdraws a transfer still in progress. */
    @Transactional
    public Transfer cancel(DataScope scope, long id) {
        Transfer t = lockVisible(scope, id);
        if (!scope.managesMembersAt(pathOf(t.fromOrgId()))) {
            throw new ForbiddenException("只有转出方可以撤回转接");
        }
        requireInProgress(t);
        records.decide(id, t.decisions().size() + 1, t.awaiting(), "CANCELLED", null, scope.actorName());
        records.finish(id, TransferStatus.CANCELLED);
        return recorded(scope, id, MemberAuditAction.TRANSFER_CANCELLED, t);
    }

    public Transfer get(DataScope scope, long id) {
        String[] paths = records.paths(id).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        if (!scope.managesMembersAt(paths[0]) && !scope.managesMembersAt(paths[1])) {
            throw new NotFoundException(NOT_FOUND);
        }
        return records.find(id).orElseThrow();
    }

    /** Whether the caller may decide the step the transfer awaits. */
    public boolean mayDecide(DataScope scope, Transfer t) {
        if (t.status() != TransferStatus.IN_PROGRESS) {
            return false;
        }
        return switch (t.awaiting()) {
            case SENDING_COMMITTEE -> scope.administersOrgAt(
                    organizations.nearestCommittee(organizations.describe(t.fromOrgId())).path().value());
            case RECEIVING_COMMITTEE -> scope.administersOrgAt(
                    organizations.nearestCommittee(organizations.describe(t.toOrgId())).path().value());
            case RECEIVING_ORG -> scope.managesMembersAt(pathOf(t.toOrgId()));
            case RECEIPT -> scope.managesMembersAt(pathOf(t.fromOrgId()));
        };
    }

    /**
     * Who the transfer waits for (empty once finished): a committee's approval falls to its 组织管理员 (the nearest
     * 党委 above the branch, as {@link #mayDecide} checks), the acceptance and a 回执 to the branch's 书记.
     */
    public java.util.Optional<TransferWait> waitingFor(Transfer t) {
        TransferStep step = t.awaiting();
        if (step == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(switch (step) {
            case SENDING_COMMITTEE -> committeeWait(step, t.fromOrgId());
            case RECEIVING_COMMITTEE -> committeeWait(step, t.toOrgId());
            case RECEIVING_ORG -> new TransferWait(step, t.toOrgId(), t.toOrgName(), "书记", "接收");
            case RECEIPT -> new TransferWait(step, t.fromOrgId(), t.fromOrgName(), "书记", "登记回执");
        });
    }

    private TransferWait committeeWait(TransferStep step, long branchId) {
        Organization committee = organizations.nearestCommittee(organizations.describe(branchId));
        return new TransferWait(step, committee.id(), committee.name(), "组织管理员", "审批");
    }

    public boolean mayCancel(DataScope scope, Transfer t) {
        return t.status() == TransferStatus.IN_PROGRESS && scope.managesMembersAt(pathOf(t.fromOrgId()));
    }

    /** Transfers out of ({@code outgoing}) or into the caller's organizations, newest first. */
    public TransferPage list(DataScope scope, boolean outgoing, TransferStatus status, int page, int size) {
        Paging paging = Paging.of(page, size);
        return new TransferPage(records.page(scope, outgoing, status, paging),
                records.count(scope, outgoing, status), paging.page(), paging.size());
    }

    /**
     * 需我办理: transfers in progress whose awaited step the caller may decide (the receiving organization's acceptance,
     * a committee's approval, the 回执), the nearest end of validity first; within {@code subtree} when given.
     */
    public List<Transfer> awaitingMe(DataScope scope, cn.zhibu.platform.TreePath subtree, int limit) {
        return records.openTouching(scope, subtree, LocalDate.now(), limit).stream()
                .filter(t -> mayDecide(scope, t)).toList();
    }

    /** A page of {@link #awaitingMe}: the list page's first tab. */
    public TransferPage awaitingMe(DataScope scope, int page, int size) {
        Paging paging = Paging.of(page, size);
        List<Transfer> all = awaitingMe(scope, null, AWAITING_LIMIT);
        int from = (int) Math.min(all.size(), paging.offset());
        return new TransferPage(all.subList(from, Math.min(all.size(), from + paging.size())), all.size(),
                paging.page(), paging.size());
    }

    /** The organization path of the side the awaited step belongs to (for the inbox's grouping). */
    public String awaitedAt(Transfer t) {
        return switch (t.awaiting()) {
            case SENDING_COMMITTEE, RECEIPT -> pathOf(t.fromOrgId());
            case RECEIVING_COMMITTEE, RECEIVING_ORG -> pathOf(t.toOrgId());
        };
    }

    /** R4: transfers out of an organization's subtree whose letter expires within two weeks. */
    public List<MemberReminder> reminders(DataScope scope, long orgId, int limit) {
        Organization org = organizations.getManaged(scope, orgId);
        LocalDate today = LocalDate.now();
        Map<Long, String> paths = new java.util.HashMap<>(); // few transfers are open: their paths one by one
        return records.endingBy(org.path(), today, today.plusDays(14), limit).stream()
                .map(t -> new MemberReminder("R4", t.memberId(), t.memberName(), t.fromOrgId(), t.fromOrgName(),
                        paths.computeIfAbsent(t.fromOrgId(), this::pathOf), t.validUntil(), "组织关系转接（" + t.letterNo() + "，" + t.awaiting().label() + "）将于" + t.validUntil()
                                + "到期，请督促办理", false))
                .toList();
    }

    /** The transfer in progress for a member the caller may see, if any. */
    public java.util.Optional<Transfer> openFor(DataScope scope, long memberId) {
        return records.openFor(memberId).map(id -> get(scope, id));
    }

    /** R4: closes the transfers past their validity; the scheduler calls it, and every action checks it first. */
    @Transactional
    public int expireOverdue() {
        return records.expire(LocalDate.now());
    }

    private Transfer lockActionable(DataScope scope, long id) {
        Transfer t = lockVisible(scope, id);
        requireInProgress(t);
        if (!mayDecide(scope, t)) {
            throw new ForbiddenException("该转接正等待“" + t.awaiting().label() + "”，您无权办理这一环节");
        }
        return t;
    }

    /** The transfer locked; one past its validity reads as expired (R4), so no step can be taken on it. */
    private Transfer lockVisible(DataScope scope, long id) {
        get(scope, id);
        return records.findForUpdate(id).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    /** 党费交至 as the dues ledger states it; empty when the member has no bills (the sender may type it). */
    public java.util.Optional<java.time.YearMonth> duesFromLedger(long memberId) {
        return duesLedger.paidThrough(memberId);
    }

    /** 党费交至: a month as yyyy-MM, not more than a year ahead. */
    static void checkDues(String month, LocalDate today, FieldErrors errors) {
        if (month == null || month.isBlank()) {
            return;
        }
        try {
            java.time.YearMonth m = java.time.YearMonth.parse(month.strip());
            if (m.isAfter(java.time.YearMonth.from(today).plusMonths(12))) {
                errors.reject("duesPaidUntil", "党费交至月份不能超过一年以后");
            }
        } catch (java.time.format.DateTimeParseException e) {
            errors.reject("duesPaidUntil", "党费交至请写作年月，如 2026-11");
        }
    }

    private static void requireInProgress(Transfer t) {
        if (t.status() == TransferStatus.EXPIRED) {
            throw InvalidInputException.of("", "该转接已超过有效期（" + t.validUntil() + "），已自动失效，请重新发起");
        }
        if (t.status() != TransferStatus.IN_PROGRESS) {
            throw InvalidInputException.of("", "该转接已" + t.status().label() + "，不能再办理");
        }
    }

    private String pathOf(long orgId) {
        return orgId == 0 ? "" : organizations.describe(orgId).path().value();
    }

    private Transfer recorded(DataScope scope, long id, MemberAuditAction action, Transfer before) {
        Transfer after = records.find(id).orElseThrow();
        audit.record(scope, action, ENTITY, id, after.fromOrgId() != 0 ? pathOf(after.fromOrgId()) : pathOf(after.toOrgId()),
                snapshot(before), snapshot(after));
        return after;
    }

    private static Map<String, Object> snapshot(Transfer t) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("letterNo", t.letterNo());
        s.put("memberId", t.memberId());
        s.put("member", t.memberName());
        s.put("from", t.fromOrgName());
        s.put("to", t.toOrgName());
        s.put("status", t.status().name());
        s.put("awaiting", t.awaiting() == null ? null : t.awaiting().name());
        s.put("validUntil", t.validUntil().toString());
        return s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
