package cn.zhibu.life.compliance.internal;

import cn.zhibu.life.MeetingFacts;
import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.compliance.CompliancePolicy;
import cn.zhibu.life.compliance.CompliancePolicy.OwnFact;
import cn.zhibu.life.compliance.OrgProfile;
import cn.zhibu.life.compliance.Proration;
import cn.zhibu.life.compliance.internal.ComplianceRecords.StoredProfile;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.MonthlyRollup;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Keeps an organization's compliance facts and its ancestors' roll-up in step with every change, inside the writing
 * transaction. Every path ends in {@link #recount}: the organization's own facts for the years touched are computed
 * afresh by {@link CompliancePolicy#own} and compared with those stored; the difference is written, and added to the
 * roll-up of the organization and every ancestor. An organization is recounted by one writer at a time (its profile
 * row is locked), after a share lock on the organization row that makes a concurrent move of its subtree wait.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class ComplianceBookkeeping {

    private final ComplianceRecords records;
    private final ExemptionRecords exemptions;
    private final ComplianceRollup rollup;
    private final OrganizationService organizations;

    ComplianceBookkeeping(ComplianceRecords records, ExemptionRecords exemptions, ComplianceRollup rollup,
                          OrganizationService organizations) {
        this.records = records;
        this.exemptions = exemptions;
        this.rollup = rollup;
        this.organizations = organizations;
    }

    /** A meeting changed: what it adds to what its organization held moves, and the organizations touched are recounted. */
    public void meetingChanged(MeetingFacts before, MeetingFacts after) {
        boolean counted = before != null && before.counts();
        boolean counts = after != null && after.counts();
        if (!counted && !counts) {
            return; // planned, cancelled before it was held: nothing compliance reads
        }
        if (counted && counts && sameCount(before, after)) {
            return; // confirmed, or moved with its organization (the move carries the roll-up): nothing to count anew
        }
        Map<Long, Set<Integer>> years = new TreeMap<>();
        if (counted) {
            years.computeIfAbsent(before.orgId(), k -> new TreeSet<>()).add(before.heldOn().getYear());
        }
        if (counts) {
            years.computeIfAbsent(after.orgId(), k -> new TreeSet<>()).add(after.heldOn().getYear());
        }
        Map<Long, StoredProfile> locked = lock(years.keySet());
        if (counted) {
            addHeld(before, -1);
        }
        if (counts) {
            addHeld(after, 1);
        }
        years.forEach((orgId, touched) -> recount(locked.get(orgId), touched));
    }

    /** An exemption of the organization was granted or revoked for a period of {@code year}. */
    public void exemptionChanged(long orgId, int year) {
        StoredProfile profile = lock(List.of(orgId)).get(orgId);
        recount(profile, Set.of(year));
    }

    /**
     * The organization changed (created, edited, dissolved, its committee): its profile is computed from what it now
     * is; if it differs from the stored one, the ancestors' series move and every year it has facts in is recounted.
     */
    public void organizationChanged(long orgId) {
        StoredProfile fresh = records.fromOrganization(orgId).orElse(null);
        if (fresh == null) {
            return;
        }
        StoredProfile stored = lock(List.of(orgId)).get(orgId);
        if (stored.profile().equals(fresh.profile())) {
            return;
        }
        MonthlyRollup.Delta delta = new MonthlyRollup.Delta();
        List<Long> path = fresh.path().ids();
        stored.profile().series().forEach(s -> delta.add(path, s.metric(), s.month(), -s.n()));
        fresh.profile().series().forEach(s -> delta.add(path, s.metric(), s.month(), s.n()));
        rollup.apply(delta);
        records.updateProfile(orgId, fresh.profile());
        recount(new StoredProfile(orgId, fresh.path(), fresh.profile()), records.yearsWithData(orgId));
    }

    /**
     * Share-locks the organizations (in path order, the order a move locks in) and locks their profiles (in id
     * order), creating a profile that does not exist yet with its series.
     */
    private Map<Long, StoredProfile> lock(Collection<Long> orgIds) {
        organizations.lockInPathOrder(orgIds);
        Map<Long, StoredProfile> locked = new TreeMap<>();
        for (Long orgId : new TreeSet<>(orgIds)) {
            StoredProfile profile = records.lockProfile(orgId).orElse(null);
            if (profile == null) {
                StoredProfile fresh = records.fromOrganization(orgId)
                        .orElseThrow(() -> new IllegalStateException("no organization " + orgId));
                if (records.insertProfile(fresh)) {
                    MonthlyRollup.Delta delta = new MonthlyRollup.Delta();
                    fresh.profile().series().forEach(s -> delta.add(fresh.path().ids(), s.metric(), s.month(), s.n()));
                    rollup.apply(delta);
                }
                profile = records.lockProfile(orgId).orElseThrow();
            }
            locked.put(orgId, profile);
        }
        return locked;
    }

    /** The same organization, kinds, day and attendance: what compliance counts of the meeting is unchanged. */
    private static boolean sameCount(MeetingFacts before, MeetingFacts after) {
        return before.orgId() == after.orgId() && before.kinds().equals(after.kinds())
                && before.heldOn().equals(after.heldOn()) && before.invited() == after.invited()
                && before.attended() == after.attended() && before.late() == after.late();
    }

    private void addHeld(MeetingFacts facts, int sign) {
        YearMonth month = YearMonth.from(facts.heldOn());
        for (MeetingKind kind : facts.kinds()) {
            records.addHeld(facts.orgId(), kind, month, sign, sign * facts.invited(), sign * facts.attended(),
                    facts.late() ? sign : 0);
        }
    }

    /** The organization's own facts for these years, afresh; the difference goes to it and its ancestors. */
    private void recount(StoredProfile stored, Collection<Integer> years) {
        List<Integer> tracked = years.stream().filter(y -> y >= Proration.TRACKED_FROM.getYear()).toList();
        if (tracked.isEmpty()) {
            return;
        }
        long orgId = stored.orgId();
        OrgProfile profile = stored.profile();
        Set<OwnFact> fresh = CompliancePolicy.own(profile, records.held(orgId, tracked),
                exemptions.exempted(orgId, tracked), tracked);
        Set<OwnFact> kept = records.own(orgId, tracked);
        List<OwnFact> added = new ArrayList<>(fresh);
        added.removeAll(kept);
        Set<OwnFact> removed = new LinkedHashSet<>(kept);
        removed.removeAll(fresh);
        if (added.isEmpty() && removed.isEmpty()) {
            return;
        }
        records.deleteOwn(orgId, removed);
        records.insertOwn(orgId, added);
        List<Long> path = stored.path().ids();
        MonthlyRollup.Delta delta = new MonthlyRollup.Delta();
        added.forEach(f -> delta.add(path, f.metric(), f.period(), 1));
        removed.forEach(f -> delta.add(path, f.metric(), f.period(), -1));
        rollup.apply(delta);
    }
}
