package cn.zhibu.member;

import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.DataScope;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search keys of V57 (member_lookup): a subtree's move rewrites none of them, yet every reading of the search
 * text (initials, pinyin, name, 身份证号) follows the moved members into their new scope and out of the old one;
 * an edit, a transfer and an archive keep them in step with the member.
 */
@IntegrationTest
class MemberLookupIntegrationTest {

    @Autowired TestData data;
    @Autowired MemberService members;
    @Autowired MembershipService membership;
    @Autowired OrganizationService organizations;
    @Autowired JdbcClient jdbc;

    @Test
    void a_move_rewrites_no_search_key_and_every_search_follows_the_moved_members() {
        Organization province = data.committee("检索键省委");
        Organization countyA = data.org(province.id(), "检索键甲县委", OrganizationType.BASE_COMMITTEE);
        Organization countyB = data.org(province.id(), "检索键乙县委", OrganizationType.BASE_COMMITTEE);
        Organization committee = data.org(countyA.id(), "检索键机关党委", OrganizationType.BASE_COMMITTEE);
        Organization branch = data.org(committee.id(), "检索键一支部", OrganizationType.BRANCH);
        MemberForm form = TestData.form(branch.id(), "欧阳明珠", false, LocalDate.of(1988, 6, 1), MemberStatus.FULL);
        Member m = members.create(SYSTEM, form);
        String keysBefore = lookupVersion(m.id());

        organizations.move(SYSTEM, committee.id(), countyB.id());

        assertThat(lookupVersion(m.id())).as("the move wrote no lookup row").isEqualTo(keysBefore);
        DataScope secretaryOfA = secretaryOf(countyA, 161);
        DataScope secretaryOfB = secretaryOf(countyB, 162);
        for (String text : List.of("oymz", "ouyangmingzhu", "欧阳明", form.idNumber())) {
            assertThat(names(secretaryOfA, null, text)).as("old scope, " + text).isEmpty();
            assertThat(names(secretaryOfB, null, text)).as("new scope, " + text).containsExactly("欧阳明珠");
            assertThat(names(secretaryOfB, committee.id(), text)).as("the moved subtree, " + text)
                    .containsExactly("欧阳明珠");
            assertThat(members.search(secretaryOfB, MemberSearch.of(null, text)).total()).isEqualTo(1);
        }
        // with a filter the keys are joined to the member's own columns
        assertThat(members.search(secretaryOfB, new MemberSearch(null, "oymz", MemberStatus.FULL, Gender.FEMALE,
                null, null, null, null, 0, 20, null)).items()).extracting(Member::name).containsExactly("欧阳明珠");
        assertThat(members.search(secretaryOfB, new MemberSearch(null, "oymz", MemberStatus.PROBATIONARY, null,
                null, null, null, null, 0, 20, null)).items()).isEmpty();

        // to another tree (rare): the keys take the new tree, so a search of the whole old tree misses the member
        Organization otherProvince = data.committee("检索键邻省委");
        organizations.move(SYSTEM, committee.id(), otherProvince.id());
        assertThat(jdbc.sql("select root_id from member_lookup where id = ?").param(m.id()).query(Long.class)
                .single()).isEqualTo(otherProvince.id());
        assertThat(names(secretaryOf(province, 165), null, "oymz")).isEmpty();
        assertThat(names(secretaryOf(otherProvince, 166), null, "oymz")).containsExactly("欧阳明珠");
    }

    @Test
    void an_edit_and_a_transfer_update_the_keys_and_an_archive_removes_them() {
        Organization county = data.committee("检索键丙县委");
        Organization first = data.org(county.id(), "检索键丙一支部", OrganizationType.BRANCH);
        Organization second = data.org(county.id(), "检索键丙二支部", OrganizationType.BRANCH);
        MemberForm form = TestData.form(first.id(), "司马青", true, LocalDate.of(1979, 2, 3), MemberStatus.FULL);
        Member m = members.create(SYSTEM, form);
        assertThat(keysMatchTheMember(m.id())).isTrue();

        MemberForm renamed = new MemberForm(second.id(), "司马青云", form.gender(), form.ethnicity(),
                form.birthDate(), TestData.idNumber(form.birthDate(), true), form.phone(), form.education(),
                form.occupation(), form.status(), form.joinedOn(), form.convertedOn(), form.jobTitle(),
                form.workUnit());
        members.update(SYSTEM, m.id(), m.version(), renamed);

        assertThat(keysMatchTheMember(m.id())).isTrue();
        DataScope secretaryOfFirst = secretaryOf(first, 163);
        DataScope secretaryOfSecond = secretaryOf(second, 164);
        assertThat(names(secretaryOfSecond, null, "smqy")).containsExactly("司马青云");
        assertThat(names(secretaryOfSecond, null, renamed.idNumber())).containsExactly("司马青云");
        assertThat(names(secretaryOfSecond, null, form.idNumber())).as("the old number").isEmpty();
        assertThat(names(secretaryOfFirst, null, "smq")).as("transferred away").isEmpty();
        assertThat(names(secretaryOfFirst, null, renamed.idNumber())).isEmpty();

        membership.change(SYSTEM, m.id(), new StatusChange(StatusChangeKind.DECEASE, LocalDate.now(), "病故", null,
                "检索键丙县委"));
        assertThat(jdbc.sql("select count(*) from member_lookup where id = ?").param(m.id()).query(Long.class)
                .single()).isZero();
        assertThat(names(SYSTEM, county.id(), "smqy")).isEmpty();
    }

    private DataScope secretaryOf(Organization org, long actor) {
        return new DataScope(actor, "检索键书记", false, List.of(), List.of(org.path()), null, null, false);
    }

    private List<String> names(DataScope scope, Long orgId, String text) {
        return members.search(scope, MemberSearch.of(orgId, text)).items().stream().map(Member::name).toList();
    }

    /** The row version of the member's lookup keys: unchanged unless the row was written. */
    private String lookupVersion(long memberId) {
        return jdbc.sql("select xmin::text || ctid::text from member_lookup where id = ?").param(memberId)
                .query(String.class).single();
    }

    private boolean keysMatchTheMember(long memberId) {
        Map<String, Object> row = jdbc.sql("""
                select l.org_id = m.org_id and l.root_id = m.root_id and l.name = m.name and l.name_pinyin = m.name_pinyin
                       and l.name_initials = m.name_initials and l.id_number_hash = m.id_number_hash as same
                from member m join member_lookup l on l.id = m.id where m.id = ?""")
                .param(memberId).query().singleRow();
        return Boolean.TRUE.equals(row.get("same"));
    }
}
