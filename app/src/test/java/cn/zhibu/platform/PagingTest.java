package cn.zhibu.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Page and size of every list: bounded, a 400 naming the parameter outside the bounds. */
class PagingTest {

    @ParameterizedTest(name = "page {0}, size {1} → {2}")
    @CsvSource({
            "2147483647, 20, page",
            "-1, 20, page",
            "1001, 20, page",
            "0, 0, size",
            "0, 101, size",
            "0, 2147483647, size",
            "-2147483648, -2147483648, page",
    })
    void out_of_bounds_is_refused_naming_the_parameter(int page, int size, String field) {
        assertThatThrownBy(() -> Paging.of(page, size)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fieldErrors()).containsKey(field));
    }

    @Test
    void within_bounds_the_offset_is_exact() {
        assertThat(Paging.of(1_000, 100).offset()).isEqualTo(100_000L);
        assertThat(Paging.of(0, 1).offset()).isZero();
    }

    @Test
    void the_pager_links_no_page_that_would_be_refused() {
        Pager pager = new Pager(998, 250_000, 5_000_000);
        assertThat(pager.totalPages()).isEqualTo(Paging.MAX_PAGE + 1);
        assertThat(pager.to()).isEqualTo(Paging.MAX_PAGE);
    }
}
