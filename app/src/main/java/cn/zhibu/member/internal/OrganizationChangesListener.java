package cn.zhibu.member.internal;

import cn.zhibu.organization.OrganizationDissolving;
import cn.zhibu.organization.OrganizationMoved;
import cn.zhibu.platform.InvalidInputException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps members in step with the tree. Synchronous listeners: they run inside the organization's transaction, so
 * a move rewrites member paths and roll-ups atomically, and a veto stops a dissolution.
 */
@Component
class OrganizationChangesListener {

    private final MemberRepository members;
    private final MemberRollup rollup;
    private final MemberArchive archive;
    private final TransferRecords transfers;
    private final FloatingRecords floating;

    OrganizationChangesListener(MemberRepository members, MemberRollup rollup, MemberArchive archive,
                                TransferRecords transfers, FloatingRecords floating) {
        this.transfers = transfers;
        this.floating = floating;
        this.members = members;
        this.rollup = rollup;
        this.archive = archive;
    }

    @EventListener
    void on(OrganizationMoved moved) {
        List<Long> oldAncestors = new ArrayList<>(moved.oldPath().ids());
        oldAncestors.remove(oldAncestors.size() - 1);
        List<Long> newAncestors = new ArrayList<>(moved.newPath().ids());
        newAncestors.remove(newAncestors.size() - 1);
        rollup.shiftSubtree(moved.orgId(), oldAncestors, newAncestors);
        members.rewritePaths(moved.oldPath(), moved.newPath(), moved.newRootId());
        archive.rewritePaths(moved.oldPath(), moved.newPath(), moved.newRootId());
        transfers.rewritePaths(moved.oldPath(), moved.newPath());
        floating.rewritePaths(moved.oldPath(), moved.newPath());
    }

    @EventListener
    void on(OrganizationDissolving dissolving) {
        if (members.anyIn(dissolving.path())) {
            throw InvalidInputException.of("", "该组织还有党员，请先为党员办理组织关系转接后再撤销");
        }
    }
}
