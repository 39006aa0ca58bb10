package cn.zhibu.bench;

import java.util.Arrays;
import java.util.List;

/** An organization by id and materialized path ({@code /1/23/456/}). */
record OrgRef(long id, String path) {

    /** The ids on the path, root first: the organizations whose roll-ups a change here touches. */
    List<Long> pathIds() {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
    }
}
