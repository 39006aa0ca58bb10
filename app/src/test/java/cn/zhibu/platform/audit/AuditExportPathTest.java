package cn.zhibu.platform.audit;

import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.TreePath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the audit entry of an export is filed: visible to whoever administers all of the exporter's scope. */
class AuditExportPathTest {

    private static DataScope admin(String... paths) {
        List<TreePath> p = java.util.Arrays.stream(paths).map(TreePath::new).toList();
        return new DataScope(7, "管理员", false, p, p, null, null, false);
    }

    @Test
    void one_subtree_is_its_own_path() {
        assertThat(AuditReading.commonPath(admin("/1/23/45/"))).isEqualTo("/1/23/45/");
    }

    @Test
    void several_subtrees_file_it_at_their_deepest_common_ancestor() {
        assertThat(AuditReading.commonPath(admin("/1/23/45/", "/1/23/67/", "/1/23/"))).isEqualTo("/1/23/");
        // "/1/2/" is not an ancestor of "/1/23/": ids, not characters, are compared
        assertThat(AuditReading.commonPath(admin("/1/2/", "/1/23/"))).isEqualTo("/1/");
    }

    @Test
    void subtrees_of_different_roots_and_the_system_administrator_file_it_for_administrators_only() {
        assertThat(AuditReading.commonPath(admin("/1/", "/9/"))).isNull();
        assertThat(AuditReading.commonPath(DataScope.system("系统"))).isNull();
    }
}
