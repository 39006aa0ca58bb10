package cn.zhibu.generator;

import cn.zhibu.organization.OrganizationCategory;
import cn.zhibu.organization.OrganizationType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Plans a province: 省委 → about 14 市委 → 8–12 县/区委 each → 基层党委, 党总支, branches and 党小组, all scaled
 * from the member count (5,000,000 members give about 300,000 organizations). Deterministic for a seed.
 */
final class ProvincePlanner {

    static final String PROVINCE = "江东省";
    /** 身份证号 region codes of the province start with this (the codes of 江苏, as an example). */
    static final String PROVINCE_CODE = "32";
    private static final List<String> CITIES = List.of("南江", "东陵", "北湖", "西浦", "金川", "云泽", "临川", "清河",
            "玉山", "丰城", "安澜", "长洲", "兴宁", "梅岭");
    private static final int MEMBERS_PER_CITY = 357_000;
    private static final int MEMBERS_PER_COUNTY = 36_000;
    private static final double COUNTY_SIZE_SPREAD = 0.3;
    private static final int MAX_CHUNKS_PER_COUNTY = 10;

    private ProvincePlanner() {
    }

    static ProvincePlan plan(int members, long seed, LocalDate today) {
        RandomGenerator random = new SplittableRandom(seed);
        TreeBuilder tree = new TreeBuilder(random, today);
        PlannedOrg root = tree.committee(null, OrganizationType.LOCAL_COMMITTEE, OrganizationCategory.GOVERNMENT,
                "中共" + PROVINCE + "委员会", PROVINCE + "委", PROVINCE);
        List<List<CountyKind>> cities = draftCities(members, random);
        int[] budgets = countyBudgets(members, cities.stream().mapToInt(List::size).sum(), random);
        PlaceNames countyNames = new PlaceNames(random, CITIES.toArray(String[]::new));
        List<PlannedOrg> counties = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        for (int c = 0; c < cities.size(); c++) {
            String city = CITIES.get(c) + "市";
            PlannedOrg cityOrg = tree.committee(root, OrganizationType.LOCAL_COMMITTEE, OrganizationCategory.GOVERNMENT,
                    "中共" + city + "委员会", city + "委", city);
            int[] perKind = new int[CountyKind.ALL.size()];
            Set<Integer> codes = new HashSet<>();
            for (CountyKind kind : cities.get(c)) {
                String county = countyNames.next() + kind.suffix();
                PlannedOrg countyOrg = tree.committee(cityOrg, OrganizationType.LOCAL_COMMITTEE,
                        OrganizationCategory.GOVERNMENT, "中共" + county + "委员会", county + "委", county);
                tree.useBudget(new MemberBudget(budgets[counties.size()]));
                new GrassrootsUnits(new CountyBuilder(tree, countyOrg, county, kind)).fill();
                counties.add(countyOrg);
                regions.add(String.format("%s%02d%02d", PROVINCE_CODE, c + 1,
                        freeCode(codes, kind.code(perKind[kind.ordinal()]++))));
            }
        }
        List<PlannedOrg> orgs = tree.orgs();
        closeSubtrees(orgs);
        return new ProvincePlan(List.copyOf(orgs), chunks(orgs, counties, regions, members), members);
    }

    /**
     * For each city the kinds of its counties, a central district first. The kinds are dealt out in fixed shares
     * (35% districts, 40% counties, 25% county-level cities) so that even a small province has the usual mix of
     * town and country.
     */
    private static List<List<CountyKind>> draftCities(int members, RandomGenerator random) {
        int cityCount = clamp(Math.round(members / (float) MEMBERS_PER_CITY), 2, CITIES.size());
        int perCity = Math.max(2, Math.round(members / (float) MEMBERS_PER_COUNTY / cityCount));
        int[] sizes = new int[cityCount];
        for (int c = 0; c < cityCount; c++) {
            sizes[c] = perCity >= 6 ? perCity - 2 + random.nextInt(5) : perCity;
        }
        List<CountyKind> kinds = dealKinds(Arrays.stream(sizes).sum(), random);
        List<List<CountyKind>> cities = new ArrayList<>();
        int next = 0;
        for (int size : sizes) {
            List<CountyKind> city = new ArrayList<>(kinds.subList(next, next + size));
            next += size;
            city.sort(Comparator.comparing(k -> k != CountyKind.DISTRICT));
            cities.add(city);
        }
        return cities;
    }

    private static List<CountyKind> dealKinds(int counties, RandomGenerator random) {
        int districts = Math.round(counties * 0.35f);
        int countyCities = Math.round(counties * 0.25f);
        List<CountyKind> kinds = new ArrayList<>();
        for (int i = 0; i < counties; i++) {
            kinds.add(i < districts ? CountyKind.DISTRICT
                    : i < districts + countyCities ? CountyKind.COUNTY_CITY : CountyKind.COUNTY);
        }
        Collections.shuffle(kinds, new Random(random.nextLong()));
        return kinds;
    }

    /** Members per county, varying around the mean and adding up to exactly {@code members}. */
    private static int[] countyBudgets(int members, int counties, RandomGenerator random) {
        double[] weights = new double[counties];
        double total = 0;
        for (int i = 0; i < counties; i++) {
            weights[i] = Math.exp(COUNTY_SIZE_SPREAD * random.nextGaussian());
            total += weights[i];
        }
        int[] budgets = new int[counties];
        int given = 0;
        for (int i = 0; i < counties; i++) {
            budgets[i] = (int) (members * weights[i] / total);
            given += budgets[i];
        }
        for (int i = 0; given < members; i = (i + 1) % counties, given++) {
            budgets[i]++;
        }
        return budgets;
    }

    /**
     * The kind's next code, or the next free one after it when a city has more counties of one kind than the kind's
     * range holds (at 20 M members: over 19 districts run into the counties' codes from 21, and two counties with one
     * region code would draw the same 身份证号).
     */
    private static int freeCode(Set<Integer> taken, int wanted) {
        if (taken.size() >= 99) {
            throw new IllegalStateException("more than 99 counties in one city: region codes have two digits");
        }
        int code = wanted;
        while (code > 99 || !taken.add(code)) {
            code = code >= 99 ? 1 : code + 1;
        }
        return code;
    }

    /** Depth-first numbering makes each subtree a range; its end is the largest end among the children. */
    private static void closeSubtrees(List<PlannedOrg> orgs) {
        for (int i = orgs.size() - 1; i > 0; i--) {
            PlannedOrg org = orgs.get(i);
            org.parent.subtreeEnd = Math.max(org.parent.subtreeEnd, org.subtreeEnd);
        }
    }

    /** Each county in up to ten chunks of roughly equal members, small enough to report progress often. */
    private static List<MemberChunk> chunks(List<PlannedOrg> orgs, List<PlannedOrg> counties, List<String> regions,
                                            int members) {
        int target = clamp(members / 200, 500, 5_000);
        List<MemberChunk> chunks = new ArrayList<>();
        long nextMemberId = 1;
        for (int c = 0; c < counties.size(); c++) {
            PlannedOrg county = counties.get(c);
            List<PlannedOrg> holders = orgs.subList(county.index, county.subtreeEnd).stream()
                    .filter(o -> o.members > 0).toList();
            int countyMembers = holders.stream().mapToInt(o -> o.members).sum();
            int pieces = clamp((countyMembers + target - 1) / target, 1, MAX_CHUNKS_PER_COUNTY);
            int from = 0;
            int placed = 0;
            for (int block = 0; block < pieces; block++) {
                long goal = (long) countyMembers * (block + 1) / pieces;
                int to = from;
                int size = 0;
                while (to < holders.size() && (placed + size < goal || block == pieces - 1)) {
                    size += holders.get(to++).members;
                }
                if (size == 0) {
                    continue;
                }
                int[] indexes = holders.subList(from, to).stream().mapToInt(o -> o.index).toArray();
                chunks.add(new MemberChunk(chunks.size(), county, regions.get(c), block, indexes, nextMemberId, size,
                        to == holders.size()));
                nextMemberId += size;
                placed += size;
                from = to;
            }
        }
        return chunks;
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
