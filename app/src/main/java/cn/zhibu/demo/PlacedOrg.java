package cn.zhibu.demo;

import cn.zhibu.member.Member;
import cn.zhibu.organization.Organization;

import java.util.List;
import java.util.stream.Stream;

/**
 * A planned organization once created: the saved organization, its 党小组, its created children and, for a
 * branch, the members registered in it (in the order drafted, so the secretary comes first).
 */
record PlacedOrg(OrgPlan plan, Organization org, List<Organization> groups, List<PlacedOrg> children,
                 List<Member> members) {

    /** Where this branch's members are registered: its 党小组 if it has any, else the branch itself. */
    List<Long> memberHolderIds() {
        return groups.isEmpty() ? List.of(org.id()) : groups.stream().map(Organization::id).toList();
    }

    /** This organization and everything below it, parents before children, in plan order. */
    Stream<PlacedOrg> subtree() {
        return Stream.concat(Stream.of(this), children.stream().flatMap(PlacedOrg::subtree));
    }

    Stream<PlacedOrg> branches() {
        return subtree().filter(p -> p.plan().isBranch());
    }

    PlacedOrg find(String name) {
        return subtree().filter(p -> p.plan().name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("演示组织不存在：" + name));
    }

    Member member(String name) {
        return members.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("“" + plan.name() + "”中没有演示党员：" + name));
    }
}
