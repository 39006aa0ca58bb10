package cn.zhibu.dues;

import cn.zhibu.dues.internal.LedgerRecords;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberService;
import cn.zhibu.member.MembershipService;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may read a member's 党费 records (ledger, bills): the member themself, and a manager of where the member
 * belongs — in the registry now, or, for a member who left it (archived: 出党, 停止党籍, died…), where they last
 * belonged, which only the member module knows ({@link MembershipService#getArchived}, its own scope check): their
 * bills and entries stay readable for the branch that kept them. Anyone else gets 404. Writes stay with the registry.
 */
@Component
public class DuesMemberAccess {

    private static final String NOT_FOUND = "党员不存在或不在您的管理范围内";

    private final LedgerRecords records;
    private final MemberService members;
    private final MembershipService membership;

    DuesMemberAccess(LedgerRecords records, MemberService members, MembershipService membership) {
        this.records = records;
        this.members = members;
        this.membership = membership;
    }

    /** A member whose dues the caller may read, as registered now or, out of the registry, as last registered. */
    public record ReadableMember(Member member, boolean archived) {
    }

    /** The member's record for the dues views: their own, one the caller manages, or an archived one; else 404. */
    public ReadableMember readableMember(DataScope scope, long memberId) {
        try {
            return new ReadableMember(members.get(scope, memberId), false);
        } catch (NotFoundException notInRegistry) {
            try {
                return new ReadableMember(membership.getArchived(scope, memberId).member(), true);
            } catch (NotFoundException e) {
                throw new NotFoundException(NOT_FOUND);
            }
        }
    }

    /** How the caller reads: as the member themself, or as a manager; {@code archived} when out of the registry. */
    public record Reader(boolean self, boolean archived) {
    }

    /** How the caller may read the member's dues records; 404 when they may not. */
    public Reader requireReadable(DataScope scope, long memberId) {
        boolean self = Long.valueOf(memberId).equals(scope.selfMemberId());
        var registered = records.member(memberId);
        if (registered.isPresent()) {
            if (!self && !scope.managesMembersAt(registered.get().orgPath())) {
                throw new NotFoundException(NOT_FOUND);
            }
            return new Reader(self, false);
        }
        if (!self) {
            try {
                membership.getArchived(scope, memberId);
            } catch (NotFoundException e) {
                throw new NotFoundException(NOT_FOUND);
            }
        }
        return new Reader(self, true);
    }
}
