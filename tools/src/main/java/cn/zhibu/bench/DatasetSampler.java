package cn.zhibu.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Picks, straight from the database, what the benchmark works on: organizations at every level, a member in each
 * of their subtrees, branches for the writers and a subtree to move. All choices are repeatable for a given seed
 * and data set, and stay inside the benchmark user's scope.
 */
final class DatasetSampler {

    /** About this many members are read at random to find names to search for in large subtrees. */
    private static final int MEMBER_POOL = 4_000;
    /** In a subtree without a pooled member, pick among its first members in index order. */
    private static final int SUBTREE_PICK_WINDOW = 500;

    private final Db db;
    private final Scope scope;
    private final long seed;
    private final Random random;
    private List<SampledMember> pool;

    DatasetSampler(Db db, Scope scope, long seed) {
        this.db = db;
        this.scope = scope;
        this.seed = seed;
        this.random = new Random(seed);
        db.seedRandom(seed);
    }

    long totalMembers() {
        return db.queryLong("select count(*) from member");
    }

    /** Up to {@code perLevel} random organizations of each level, each with a member of its subtree. */
    Map<Level, List<SampleOrg>> sampleLevels(int perLevel) {
        Map<Level, List<SampleOrg>> byLevel = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            byLevel.put(level, db.query("""
                            select s.id, s.path, %s from (
                                select o.id, o.path from organization o
                                where o.status = 'ACTIVE' and %s and %s
                                order by random() limit ?) s"""
                            .formatted(subtreeMembers("s"), level.condition(), Scope.condition()),
                    rs -> withMember(level, rs.getLong(1), rs.getString(2), rs.getLong(3)),
                    scope.prefixes(), perLevel));
        }
        return byLevel;
    }

    /** Random organizations of a level whose subtree holds at least {@code minMembers}, e.g. for deep pages. */
    List<SampleOrg> sampleLarge(Level level, long minMembers, int count) {
        return db.query("""
                        select id, path, n from (
                            select o.id, o.path, %s as n from organization o
                            where o.status = 'ACTIVE' and %s and %s) s
                        where n >= ? order by random() limit ?"""
                        .formatted(subtreeMembers("o"), level.condition(), Scope.condition()),
                rs -> new SampleOrg(level, rs.getLong(1), rs.getString(2), rs.getLong(3), null),
                scope.prefixes(), minMembers, count);
    }

    /**
     * A pair of branches for each writer (fewer when there are not enough), each pair under a different county where
     * there are enough counties, so
     * that writers contend only on the roll-up rows of the shared ancestors above, as real users in different
     * counties would.
     */
    List<WriterBranches> writerBranches(int writers, List<String> notes) {
        List<OrgRef> branches = db.query("""
                        select o.id, o.path from organization o
                        where o.type = 'BRANCH' and o.status = 'ACTIVE' and %s order by o.path"""
                        .formatted(Scope.condition()),
                // The cast keeps the prefixes one array parameter instead of spreading them over the varargs.
                rs -> new OrgRef(rs.getLong(1), rs.getString(2)), (Object) scope.prefixes());
        Map<Long, List<OrgRef>> byCounty = new LinkedHashMap<>();
        branches.forEach(b -> byCounty.computeIfAbsent(countyOf(b), k -> new ArrayList<>()).add(b));
        List<List<OrgRef>> counties = new ArrayList<>(byCounty.values());
        counties.removeIf(c -> c.size() < 2);
        Collections.shuffle(counties, random);
        counties.forEach(c -> Collections.shuffle(c, random));

        List<WriterBranches> plan = new ArrayList<>();
        // Round r takes the r-th pair of every county, so counties are shared only when there are too few of them.
        for (int round = 0; plan.size() < writers; round++) {
            int before = plan.size();
            for (List<OrgRef> county : counties) {
                if (plan.size() < writers && county.size() >= 2 * round + 2) {
                    plan.add(new WriterBranches(plan.size(), county.get(2 * round), county.get(2 * round + 1)));
                }
            }
            if (plan.size() == before) {
                break;
            }
        }
        if (plan.size() < writers) {
            notes.add("writers: only " + plan.size() + " pairs of branches for " + writers + " writers; ran "
                    + plan.size());
        } else if (counties.size() < writers) {
            notes.add("writers: only " + counties.size() + " counties have two branches; some of the " + writers
                    + " writers share a county");
        }
        return plan;
    }

    /**
     * The committee below county level (a base committee, or a county's 机关工委/教育工委, which are the ones near 5,000)
     * whose subtree is nearest to {@code size} members, and another county to move it under.
     */
    Optional<MoveCase> moveCase(long size) {
        List<MoveCandidate> candidates = db.query("""
                        select s.id, s.path, s.n, p.id, p.path from (
                            select o.id, o.path, o.parent_id, %s as n from organization o
                            where o.type in ('BASE_COMMITTEE', 'WORKING_COMMITTEE') and o.depth >= 4 and o.status = 'ACTIVE'
                              and %s) s
                        join organization p on p.id = s.parent_id
                        where s.n > 0 order by abs(s.n - ?), s.id limit 1"""
                        .formatted(subtreeMembers("o"), Scope.condition()),
                rs -> new MoveCandidate(new OrgRef(rs.getLong(1), rs.getString(2)), rs.getLong(3),
                        new OrgRef(rs.getLong(4), rs.getString(5))),
                scope.prefixes(), size);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        MoveCandidate candidate = candidates.get(0);
        String path = candidate.subtree().path();
        // Neither an ancestor (that includes its own county and parent) nor inside the moved subtree; a county
        // (LOCAL_COMMITTEE at depth 3) when there is one, otherwise any committee that may hold a base committee.
        List<MoveTarget> targets = db.query("""
                        select o.id, o.path, (o.depth = 3 and o.type = 'LOCAL_COMMITTEE') as county
                        from organization o
                        where o.status = 'ACTIVE' and o.type in ('LOCAL_COMMITTEE', 'WORKING_COMMITTEE', 'BASE_COMMITTEE')
                          and not starts_with(?, o.path) and not starts_with(o.path, ?) and %s
                        order by 3 desc, random() limit 1""".formatted(Scope.condition()),
                rs -> new MoveTarget(new OrgRef(rs.getLong(1), rs.getString(2)), rs.getBoolean(3)),
                path, path, scope.prefixes());
        return targets.stream().findFirst().map(target -> new MoveCase(candidate.subtree(), candidate.members(),
                candidate.parent(), target.org(), target.county()));
    }

    private record MoveCandidate(OrgRef subtree, long members, OrgRef parent) {
    }

    private record MoveTarget(OrgRef org, boolean county) {
    }

    private SampleOrg withMember(Level level, long id, String path, long members) {
        return new SampleOrg(level, id, path, members, members == 0 ? null : memberIn(path, members));
    }

    /**
     * A member of the subtree: from a random pool spread over the whole table when one falls inside (large
     * subtrees), else one of the subtree's first members in index order (small subtrees, where that is all).
     */
    private SampledMember memberIn(String path, long members) {
        List<SampledMember> pooled = memberPool().stream().filter(m -> m.orgPath().startsWith(path)).toList();
        if (!pooled.isEmpty()) {
            return pooled.get(random.nextInt(pooled.size()));
        }
        List<SampledMember> picked = db.query("""
                        select id, name, name_initials, org_path from member
                        where org_path >= ? and org_path < ? order by org_path, name_pinyin, id offset ? limit 1""",
                DatasetSampler::member, path, SampleOrg.upperBound(path),
                random.nextInt((int) Math.min(members, SUBTREE_PICK_WINDOW)));
        return picked.isEmpty() ? null : picked.get(0);
    }

    private List<SampledMember> memberPool() {
        if (pool == null) {
            // TABLESAMPLE SYSTEM reads whole random pages: cheap even at millions of rows.
            double percent = Math.min(100.0, MEMBER_POOL * 100.0 / Math.max(1, totalMembers()));
            pool = db.query("select id, name, name_initials, org_path from member tablesample system (?) repeatable (?)",
                    DatasetSampler::member, percent, (double) seed);
        }
        return pool;
    }

    private static SampledMember member(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SampledMember(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }

    /** The county (third id on the path) of a branch below one; for shallower trees its parent. */
    private static long countyOf(OrgRef branch) {
        List<Long> ids = branch.pathIds();
        return ids.size() >= 4 ? ids.get(2) : ids.get(Math.max(0, ids.size() - 2));
    }

    /** SQL for the members of the subtree of organization {@code alias}: one roll-up dimension summed. */
    private static String subtreeMembers(String alias) {
        return "(select coalesce(sum(r.n), 0) from member_rollup_now r where r.org_id = %s.id and r.dim = 'gender')"
                .formatted(alias);
    }
}
