package cn.zhibu.life.roster;

import cn.zhibu.member.Member;
import cn.zhibu.member.MemberPage;
import cn.zhibu.member.MemberSearch;
import cn.zhibu.member.MemberService;
import cn.zhibu.organization.CommitteeSeat;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.NotFoundException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A branch's members and committee. The reads here take no caller scope: callers decide first whether the caller may
 * see the branch (they manage it, or belong to it), then ask — as {@link OrganizationService#describe} does.
 */
@Component
public class BranchRoster {

    /** The member list is read a page of {@value} at a time, by keyset: a branch has rarely more than 50. */
    private static final int PAGE = 100;
    private static final DataScope READER = DataScope.system("组织生活");

    private final OrganizationService organizations;
    private final MemberService members;

    BranchRoster(OrganizationService organizations, MemberService members) {
        this.organizations = organizations;
        this.members = members;
    }

    /**
     * The branch an organization's members belong to for organizational life: the organization itself when it is a
     * branch, the branch above it when it is a 党小组; empty for a committee or a 总支 (they hold no members, B3).
     */
    public Optional<Organization> branchOf(Organization org) {
        if (org.type().isBranch()) {
            return Optional.of(org);
        }
        if (org.type() == OrganizationType.GROUP && org.parentId() != null) {
            return Optional.of(organizations.describe(org.parentId())).filter(p -> p.type().isBranch());
        }
        return Optional.empty();
    }

    /** The branch of the caller's own member record, if they have one. */
    public Optional<Organization> ownBranch(DataScope scope) {
        if (scope.selfOrgPath() == null) {
            return Optional.empty();
        }
        try {
            return branchOf(organizations.describe(scope.selfOrgPath().lastId()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** The active branches of the caller's managed subtrees, in tree order, at most {@code limit}: forms choose from them. */
    public List<Organization> managedBranches(DataScope scope, int limit) {
        List<Organization> branches = new ArrayList<>();
        for (Organization root : organizations.managedRoots(scope)) {
            organizations.subtree(scope, root.id(), limit, 0).stream()
                    .filter(o -> o.type().isBranch() && o.active()).forEach(branches::add);
        }
        return branches.stream().limit(limit).toList();
    }

    /** The branch's 正式 and 预备 members, its 党小组 included, in the roster's order (organization, then name). */
    public List<RosterMember> members(Organization branch) {
        List<RosterMember> roster = new ArrayList<>();
        MemberSearch search = new MemberSearch(branch.id(), null, null, null, null, null, null, null, 0, PAGE, null);
        while (true) {
            MemberPage page = members.search(READER, search);
            for (Member m : page.items()) {
                roster.add(new RosterMember(m.id(), m.name(), m.status()));
            }
            if (!page.hasNext()) {
                return roster;
            }
            search = search.withCursor(page.nextCursor());
        }
    }

    /**
     * The members seated on the branch's current committee (B4): empty when it has none — a branch of fewer than 7
     * 正式党员 may have only a 书记, who is then the committee's one seat.
     */
    public Set<Long> committeeMemberIds(Organization branch) {
        Set<Long> ids = new LinkedHashSet<>();
        var committee = organizations.committees(List.of(branch.id())).get(branch.id());
        if (committee != null && committee.exists()) {
            committee.seats().stream().map(CommitteeSeat::memberId).filter(java.util.Objects::nonNull).forEach(ids::add);
        }
        return ids;
    }
}
