package cn.zhibu.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The materialized path and its subtree range {@code [path, upperBound)} under "C" (code-point) ordering. */
class TreePathTest {

    /** What {@code path >= lower AND path < upper} does in SQL with "C" collation: Java's String order for ASCII. */
    static boolean inRange(TreePath subtree, String candidate) {
        return candidate.compareTo(subtree.value()) >= 0 && candidate.compareTo(subtree.upperBound()) < 0;
    }

    @ParameterizedTest(name = "{0} ⊇ {1}: {2}")
    @CsvSource({
            "/1/5/, /1/5/,          true",
            "/1/5/, /1/5/7/,        true",
            "/1/5/, /1/5/12/,       true",
            "/1/5/, /1/5/0/,        true",
            "/1/5/, /1/5/999999/,   true",
            "/1/5/, /1/5/7/8/9/,    true",
            "/1/5/, /1/50/,         false",
            "/1/5/, /1/59/3/,       false",
            "/1/5/, /1/6/,          false",
            "/1/5/, /1/4/,          false",
            "/1/5/, /1/4/99/,       false",
            "/1/5/, /1/,            false",
            "/1/5/, /2/5/,          false",
            "/1/5/, /10/5/,         false",
            "/1/,   /1/5/,          true",
            "/1/,   /10/,           false",
            "/1/,   /12/3/,         false",
            "/1/,   /2/,            false",
    })
    void upperBound_bounds_the_subtree_and_agrees_with_contains(String subtree, String candidate, boolean inside) {
        TreePath path = new TreePath(subtree);
        assertThat(inRange(path, candidate)).as("range").isEqualTo(inside);
        assertThat(path.contains(candidate)).as("contains(String)").isEqualTo(inside);
        assertThat(path.contains(new TreePath(candidate))).as("contains(TreePath)").isEqualTo(inside);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"/1/5/, /1/50", "/1/, /10", "/123/45/678/, /123/45/6780"})
    void upperBound_replaces_the_trailing_slash_with_the_next_character(String path, String bound) {
        assertThat(new TreePath(path).upperBound()).isEqualTo(bound);
        assertThat((char) ('/' + 1)).isEqualTo('0');
    }

    @Test
    void contains_null_string_is_false() {
        assertThat(new TreePath("/1/").contains((String) null)).isFalse();
    }

    @Test
    void root_and_child_build_paths() {
        TreePath root = TreePath.root(1);
        assertThat(root.value()).isEqualTo("/1/");
        TreePath child = root.child(5);
        assertThat(child.value()).isEqualTo("/1/5/");
        assertThat(child.child(12).value()).isEqualTo("/1/5/12/");
        assertThat(root.contains(child)).isTrue();
        assertThat(child.contains(root)).isFalse();
        assertThat(child.toString()).isEqualTo("/1/5/");
    }

    @ParameterizedTest(name = "{0} -> ids {1}, depth {2}")
    @CsvSource({
            "/1/,            1,           1",
            "/1/5/,          1;5,         2",
            "/1/5/12/,       1;5;12,      3",
            "/10/200/3000/4/, 10;200;3000;4, 4",
    })
    void ids_lastId_and_depth(String path, String ids, int depth) {
        List<Long> expected = java.util.Arrays.stream(ids.split(";")).map(Long::valueOf).toList();
        TreePath p = new TreePath(path);
        assertThat(p.ids()).containsExactlyElementsOf(expected);
        assertThat(p.lastId()).isEqualTo(expected.get(expected.size() - 1));
        assertThat(p.depth()).isEqualTo(depth);
    }

    @Test
    void ids_of_the_bare_slash_path_is_empty() {
        assertThat(new TreePath("/").ids()).isEmpty();
        assertThat(new TreePath("/").depth()).isZero();
    }

    @ParameterizedTest(name = "''{0}''")
    @NullSource
    @ValueSource(strings = {"", "1/5/", "/1/5", "1/5"})
    void malformed_paths_are_rejected(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new TreePath(value));
    }
}
