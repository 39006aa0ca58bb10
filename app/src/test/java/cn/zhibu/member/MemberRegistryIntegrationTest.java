package cn.zhibu.member;

import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class MemberRegistryIntegrationTest {

    @Autowired TestData data;
    @Autowired MemberService members;
    @Autowired JdbcClient jdbc;

    Organization branch;

    @BeforeEach
    void branch() {
        branch = data.org(data.committee("名册测试党委").id(), "名册测试支部", OrganizationType.BRANCH);
    }

    private MemberForm withJoinDate(LocalDate birth, LocalDate joined, LocalDate converted) {
        MemberForm f = TestData.form(branch.id(), "边界", true, birth, MemberStatus.FULL);
        return new MemberForm(f.orgId(), f.name(), f.gender(), f.ethnicity(), f.birthDate(), f.idNumber(), f.phone(),
                f.education(), f.occupation(), f.status(), joined, converted, null, null);
    }

    @Test
    void D2_joining_at_17_years_364_days_is_refused() {
        LocalDate birth = LocalDate.of(2000, 3, 1);
        assertThatThrownBy(() -> members.create(SYSTEM, withJoinDate(birth, birth.plusYears(18).minusDays(1),
                birth.plusYears(19))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("joinedOn"));
    }

    @Test
    void D2_joining_on_the_18th_birthday_is_accepted() {
        LocalDate birth = LocalDate.of(2000, 3, 1);
        Member m = members.create(SYSTEM, withJoinDate(birth, birth.plusYears(18), birth.plusYears(19)));
        assertThat(m.joinedOn()).isEqualTo(LocalDate.of(2018, 3, 1));
    }

    @Test
    void dates_in_order_joined_before_converted_before_today() {
        LocalDate birth = LocalDate.of(1990, 5, 5);
        assertThatThrownBy(() -> members.create(SYSTEM, withJoinDate(birth, LocalDate.of(2015, 1, 1),
                LocalDate.of(2014, 12, 31))))
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("convertedOn"));
        assertThatThrownBy(() -> members.create(SYSTEM, withJoinDate(birth, LocalDate.of(2015, 1, 1),
                LocalDate.now().plusDays(1))))
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("convertedOn"));
        assertThatThrownBy(() -> members.create(SYSTEM, withJoinDate(birth, LocalDate.now().plusDays(1), null)))
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("joinedOn"));
        // Joined and converted on the same day is in order (入党 ≤ 转正).
        assertThat(members.create(SYSTEM, withJoinDate(birth, LocalDate.of(2015, 1, 1), LocalDate.of(2015, 1, 1))))
                .isNotNull();
    }

    @Test
    void ID_check_digit_birth_date_and_gender_must_agree() {
        MemberForm good = TestData.form(branch.id(), "校验", true, LocalDate.of(1988, 8, 8), MemberStatus.FULL);
        String badCheck = good.idNumber().substring(0, 17) + (good.idNumber().charAt(17) == '1' ? '2' : '1');
        assertThatThrownBy(() -> members.create(SYSTEM, copy(good, badCheck, good.birthDate(), good.gender())))
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors().get("idNumber")).contains("校验位"));
        assertThatThrownBy(() -> members.create(SYSTEM, copy(good, good.idNumber(), LocalDate.of(1988, 8, 9),
                good.gender())))
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("birthDate"));
        assertThatThrownBy(() -> members.create(SYSTEM, copy(good, good.idNumber(), good.birthDate(), Gender.FEMALE)))
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("gender"));
        // Left empty, birth date and gender are taken from the number.
        Member m = members.create(SYSTEM, copy(good, good.idNumber(), null, null));
        assertThat(m.birthDate()).isEqualTo(LocalDate.of(1988, 8, 8));
        assertThat(m.gender()).isEqualTo(Gender.MALE);
    }

    @Test
    void the_same_id_number_cannot_be_registered_twice() {
        MemberForm f = TestData.form(branch.id(), "重复", false, LocalDate.of(1979, 1, 2), MemberStatus.FULL);
        members.create(SYSTEM, f);
        assertThatThrownBy(() -> members.create(SYSTEM, f))
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("idNumber"));
    }

    @Test
    void members_belong_to_a_branch_or_group_not_to_a_committee() {
        Organization committee = data.committee("不能直接编入党员的党委");
        MemberForm f = TestData.form(committee.id(), "错位", true, LocalDate.of(1980, 1, 1), MemberStatus.FULL);
        assertThatThrownBy(() -> members.create(SYSTEM, f))
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("orgId"));
    }

    @Test
    void id_number_and_phone_are_stored_encrypted_and_found_by_exact_lookup() {
        MemberForm f = TestData.form(branch.id(), "加密", true, LocalDate.of(1977, 7, 7), MemberStatus.FULL);
        Member m = members.create(SYSTEM, f);
        byte[] stored = jdbc.sql("select id_number_enc from member where id = ?").param(m.id()).query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(f.idNumber());
        byte[] phone = jdbc.sql("select phone_enc from member where id = ?").param(m.id()).query(byte[].class).single();
        assertThat(new String(phone, StandardCharsets.ISO_8859_1)).doesNotContain("13800138000");
        MemberPage found = members.search(SYSTEM, MemberSearch.of(null, f.idNumber()));
        assertThat(found.items()).extracting(Member::id).containsExactly(m.id());
    }

    @Test
    void search_by_pinyin_initials_finds_the_name() {
        Member m = members.create(SYSTEM, copyName(TestData.form(branch.id(), "x", true, LocalDate.of(1982, 2, 2),
                MemberStatus.FULL), "欧阳娜娜"));
        assertThat(members.search(SYSTEM, MemberSearch.of(branch.id(), "oynn")).items())
                .extracting(Member::id).containsExactly(m.id());
        assertThat(members.search(SYSTEM, MemberSearch.of(branch.id(), "ouyang")).items())
                .extracting(Member::id).contains(m.id());
        assertThat(members.search(SYSTEM, MemberSearch.of(branch.id(), "阳娜")).items())
                .extracting(Member::id).contains(m.id());
    }

    @Test
    void keyset_pages_walk_the_whole_subtree_in_name_order_without_gaps_or_repeats() {
        for (int i = 0; i < 7; i++) {
            data.member(branch.id(), "翻页" + "甲乙丙丁戊己庚".charAt(i), MemberStatus.FULL);
        }
        java.util.List<Long> seen = new java.util.ArrayList<>();
        MemberSearch search = new MemberSearch(branch.id(), null, null, null, null, null, null, null, 0, 3, null);
        MemberPage page = members.search(SYSTEM, search);
        assertThat(page.total()).isEqualTo(7);
        assertThat(page.totalExact()).isTrue();
        while (true) {
            page.items().forEach(m -> seen.add(m.id()));
            if (page.nextCursor() == null) {
                break;
            }
            page = members.search(SYSTEM, search.withCursor(page.nextCursor()));
        }
        java.util.List<Long> byOffset = new java.util.ArrayList<>();
        for (int p = 0; p < 3; p++) {
            members.search(SYSTEM, new MemberSearch(branch.id(), null, null, null, null, null, null, null, p, 3, null))
                    .items().forEach(m -> byOffset.add(m.id()));
        }
        assertThat(seen).hasSize(7).doesNotHaveDuplicates().isEqualTo(byOffset);
    }

    @Test
    void a_tampered_cursor_is_refused_with_a_message() {
        MemberSearch search = new MemberSearch(branch.id(), null, null, null, null, null, null, null, 0, 3, "@@bad");
        assertThatThrownBy(() -> members.search(SYSTEM, search))
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("cursor"));
    }

    @Test
    void name_prefix_and_initials_with_vowels_are_found() {
        Member m = members.create(SYSTEM, copyName(TestData.form(branch.id(), "x", true, LocalDate.of(1970, 2, 2),
                MemberStatus.FULL), "王爱国"));
        assertThat(members.search(SYSTEM, MemberSearch.of(branch.id(), "王爱")).items())
                .extracting(Member::id).containsExactly(m.id());
        // "wag" reads as pinyin first (it has a vowel); nothing starts with it, so initials are tried.
        assertThat(members.search(SYSTEM, MemberSearch.of(branch.id(), "wag")).items())
                .extracting(Member::id).containsExactly(m.id());
        assertThat(members.search(SYSTEM, MemberSearch.of(branch.id(), "wangai")).items())
                .extracting(Member::id).containsExactly(m.id());
    }

    @Test
    void list_totals_from_the_roll_up_match_a_count() {
        data.member(branch.id(), "统计甲", MemberStatus.FULL);
        data.member(branch.id(), "统计乙", MemberStatus.PROBATIONARY);
        MemberSearch probationary = new MemberSearch(branch.id(), null, MemberStatus.PROBATIONARY, null, null, null,
                null, null, 0, 20, null);
        MemberPage page = members.search(SYSTEM, probationary);
        assertThat(page.total()).isEqualTo(page.items().size()).isEqualTo(1);
        MemberSearch womenAmongFull = new MemberSearch(branch.id(), null, MemberStatus.FULL, Gender.FEMALE, null,
                null, null, null, 0, 20, null);
        MemberPage women = members.search(SYSTEM, womenAmongFull);
        assertThat(women.total()).isEqualTo(women.items().size());
    }

    private static MemberForm copy(MemberForm f, String id, LocalDate birth, Gender gender) {
        return new MemberForm(f.orgId(), f.name(), gender, f.ethnicity(), birth, id, f.phone(), f.education(),
                f.occupation(), f.status(), f.joinedOn(), f.convertedOn(), f.jobTitle(), f.workUnit());
    }

    private static MemberForm copyName(MemberForm f, String name) {
        return new MemberForm(f.orgId(), name, f.gender(), f.ethnicity(), f.birthDate(), f.idNumber(), f.phone(),
                f.education(), f.occupation(), f.status(), f.joinedOn(), f.convertedOn(), f.jobTitle(), f.workUnit());
    }
}
