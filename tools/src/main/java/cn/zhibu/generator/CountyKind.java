package cn.zhibu.generator;

import java.util.List;

/**
 * 市辖区, 县 and 县级市: they differ in the mix of grassroots units (districts are urban: streets, offices,
 * companies; counties are rural: towns and villages) and in the range of their 6-digit region codes.
 */
enum CountyKind {
    //                                     town street gov state private school college hospital research social
    DISTRICT("区", 2, Weighted.of(UnitKind.ALL, 8, 35, 55, 16, 30, 40, 3, 10, 6, 7)),
    COUNTY("县", 21, Weighted.of(UnitKind.ALL, 32, 8, 55, 12, 20, 40, 1, 9, 6, 5)),
    COUNTY_CITY("市", 81, Weighted.of(UnitKind.ALL, 24, 20, 55, 15, 26, 40, 2, 10, 6, 6));

    private final String suffix;
    private final int firstCode;
    private final Weighted<UnitKind> units;

    CountyKind(String suffix, int firstCode, Weighted<UnitKind> units) {
        this.suffix = suffix;
        this.firstCode = firstCode;
        this.units = units;
    }

    String suffix() {
        return suffix;
    }

    /** Last two digits of the region code of the n-th (from 0) county of this kind in its city. */
    int code(int n) {
        return firstCode + n;
    }

    /** Kinds of unit to add next, weighted by how many units of each kind a county has (not by members). */
    Weighted<UnitKind> units() {
        return units;
    }

    static final List<CountyKind> ALL = List.of(values());
}
