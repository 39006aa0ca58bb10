package cn.zhibu.inbox;

import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.Paging;
import cn.zhibu.platform.inbox.InboxItem;
import cn.zhibu.platform.inbox.InboxQuery;
import cn.zhibu.platform.inbox.InboxSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Collects every module's {@link InboxSource}. Each source is read with a bound, most urgent first, so the inbox of a
 * province costs what a branch's does: the first {@value #SOURCE_LIMIT} of each module are merged, counted and paged.
 * The sources are read in two lanes at once ({@link SourceLanes}).
 */
@Service
public class InboxService {

    /** Items read from each source for one inbox page. */
    static final int SOURCE_LIMIT = 50;
    /** The badge counts to this many (then shows "99+"). */
    static final int COUNT_CAP = 100;

    private final List<InboxSource> sources;
    private final OrganizationService organizations;
    private final SourceLanes lanes;
    private final TransactionTemplate readOnly;

    InboxService(List<InboxSource> sources, OrganizationService organizations, SourceLanes lanes,
                 PlatformTransactionManager transactions) {
        this.sources = List.copyOf(sources);
        this.organizations = organizations;
        this.lanes = lanes;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * The caller's inbox over one organization's subtree ({@code orgId} null: the caller's first organization; a plain
     * member gets what is addressed to them).
     */
    public InboxView view(DataScope scope, Long orgId, boolean mineOnly, int page, int size) {
        Paging paging = Paging.of(page, size);
        LocalDate today = LocalDate.now();
        // the organization first, then the sources in two lanes, then the trail and the counts per child: each step
        // in a read-only transaction of its own, so that no connection is held while the lanes run
        Organization org = readOnly.execute(s -> {
            List<Organization> roots = organizations.managedRoots(scope);
            if (roots.isEmpty() && orgId == null) {
                return null;
            }
            return orgId != null ? organizations.getManaged(scope, orgId) : roots.get(0);
        });
        if (org == null) {
            Collected own = collect(List.of(InboxQuery.asMember(scope, today, SOURCE_LIMIT)));
            return page(null, List.of(), own, mineOnly, paging, List.of());
        }
        List<InboxQuery> queries = new ArrayList<>();
        queries.add(new InboxQuery(scope, org.id(), org.path(), today, SOURCE_LIMIT, mineOnly));
        if (scope.selfMemberId() != null) {
            queries.add(InboxQuery.asMember(scope, today, SOURCE_LIMIT));
        }
        Collected found = collect(queries);
        List<InboxItem> items = mineOnly ? found.items().stream().filter(InboxItem::mine).toList() : found.items();
        Collected shown = new Collected(items, found.capped());
        return readOnly.execute(s -> page(new InboxView.InboxOrg(org.id(), org.name()),
                organizations.ancestorsWithin(scope, org).stream().map(o -> new InboxView.InboxOrg(o.id(), o.name())).toList(),
                shown, mineOnly, paging, byOrganization(scope, org, items)));
    }

    /** How many items the caller must act on, over all their organizations and as a member: the badge. */
    public InboxCount count(DataScope scope) {
        LocalDate today = LocalDate.now();
        List<InboxQuery> queries = new ArrayList<>();
        for (Organization root : readOnly.execute(s -> organizations.managedRoots(scope))) {
            queries.add(new InboxQuery(scope, root.id(), root.path(), today, COUNT_CAP, true));
        }
        queries.add(InboxQuery.asMember(scope, today, COUNT_CAP));
        long mine = collect(queries).items().stream().filter(InboxItem::mine).count();
        return new InboxCount(Math.min(mine, COUNT_CAP), mine >= COUNT_CAP);
    }

    private record Collected(List<InboxItem> items, boolean capped) {
    }

    /** Every source for every query; the same item seen twice (as manager and as member) once. */
    private Collected collect(List<InboxQuery> queries) {
        List<SourceLanes.Read> reads = new ArrayList<>();
        for (InboxQuery query : queries) {
            for (InboxSource source : sources) {
                reads.add(new SourceLanes.Read(query, source));
            }
        }
        List<List<InboxItem>> found = lanes.items(reads);
        Map<String, InboxItem> items = new LinkedHashMap<>();
        boolean capped = false;
        for (int i = 0; i < reads.size(); i++) {
            capped |= found.get(i).size() >= reads.get(i).query().limit();
            found.get(i).forEach(item -> items.putIfAbsent(item.link() + "|" + item.title() + "|" + item.subject(), item));
        }
        List<InboxItem> sorted = new ArrayList<>(items.values());
        sorted.sort(InboxItem.URGENCY);
        return new Collected(sorted, capped);
    }

    private static InboxView page(InboxView.InboxOrg org, List<InboxView.InboxOrg> trail, Collected found, boolean mineOnly,
                                  Paging paging, List<InboxView.InboxOrgCount> byOrganization) {
        List<InboxItem> items = found.items();
        int from = (int) Math.min(items.size(), paging.offset());
        return new InboxView(org, trail, items.subList(from, Math.min(items.size(), from + paging.size())),
                items.size(), count(items, InboxItem::mine), count(items, InboxItem::overdue), found.capped(), mineOnly,
                paging.page(), paging.size(), byOrganization);
    }

    /** Counts per child of {@code org} (an item belongs to the child whose subtree holds it), busiest first. */
    private List<InboxView.InboxOrgCount> byOrganization(DataScope scope, Organization org, List<InboxItem> items) {
        List<Organization> children = organizations.children(scope, org.id(), false);
        Map<String, List<InboxItem>> byPath = new LinkedHashMap<>();
        for (InboxItem item : items) {
            if (item.orgPath() == null || !org.path().contains(item.orgPath())) {
                continue; // addressed to the caller as a member, from above the organization viewed
            }
            byPath.computeIfAbsent(childPath(org, item.orgPath()), k -> new ArrayList<>()).add(item);
        }
        List<InboxView.InboxOrgCount> counts = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Organization o : prepend(org, children)) {
            List<InboxItem> of = byPath.get(o.path().value());
            if (of != null && seen.add(o.path().value())) {
                counts.add(new InboxView.InboxOrgCount(o.id(), o.name(), of.size(), count(of, InboxItem::mine),
                        count(of, InboxItem::overdue), o.id() != org.id()));
            }
        }
        counts.sort((a, b) -> Long.compare(b.items(), a.items()));
        return counts;
    }

    /** The path of the child of {@code org} whose subtree holds {@code path}, or {@code org}'s own. */
    private static String childPath(Organization org, String path) {
        String below = path.substring(org.path().value().length());
        return below.isEmpty() ? path : org.path().value() + below.substring(0, below.indexOf('/') + 1);
    }

    private static List<Organization> prepend(Organization first, List<Organization> rest) {
        List<Organization> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static long count(List<InboxItem> items, Predicate<InboxItem> which) {
        return items.stream().filter(which).count();
    }
}
