package cn.zhibu.dues;

import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.support.DuesBillFixture;
import cn.zhibu.support.DuesRollupRecount;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 16: bills, bases, arrears and ledger entries name their organization instead of copying its path (V51), so a
 * committee's move rewrites none of their rows — yet every dues view finds them under the new parent at once and no
 * longer under the old one. A move to another root rewrites their root only.
 */
@IntegrationTest
class DuesMoveIntegrationTest {

    /** The tables that carry no path; their rows of the moved member before and after the move. */
    private static final List<String> PATHLESS = List.of("dues_bill", "dues_base", "dues_arrears", "dues_entry");

    @Autowired TestData data;
    @Autowired DuesBillFixture bills;
    @Autowired DuesRollupRecount recount;
    @Autowired DuesLedger ledger;
    @Autowired DuesBills duesBills;
    @Autowired DuesArrears arrears;
    @Autowired DuesViews views;
    @Autowired OrganizationService organizations;
    @Autowired JdbcClient jdbc;

    private final YearMonth now = YearMonth.now();
    private final YearMonth last = now.minusMonths(1);

    /** A root with two committees; the moving 党总支 and its branch start under the first. */
    private record Tree(Organization root, Organization from, Organization to, Organization moving,
                        Organization branch) {
    }

    private Tree tree(String name) {
        String suffix = name + System.nanoTime() % 1_000_000;
        Organization root = data.committee("党费迁移上级党委" + suffix);
        Organization from = data.org(root.id(), "党费迁出党委", OrganizationType.BASE_COMMITTEE);
        Organization to = data.org(root.id(), "党费迁入党委", OrganizationType.BASE_COMMITTEE);
        Organization moving = data.org(from.id(), "党费迁移党总支", OrganizationType.GENERAL_BRANCH);
        Organization branch = data.org(moving.id(), "党费迁移支部", OrganizationType.BRANCH);
        return new Tree(root, from, to, moving, branch);
    }

    /** A member with a base, bills of the last three months unpaid (a run, F8) and this month paid (an entry). */
    private long member(Organization branch) {
        Member m = data.member(branch.id(), "迁移党员", MemberStatus.FULL);
        bills.base(m.id(), YearMonth.of(2026, 1), "50.00");
        bills.bills(m.id(), now.minusMonths(3), now, "50.00");
        ledger.record(SYSTEM, new RecordedPayment(m.id(), List.of(now), PaymentMethod.CASH, "QY-" + System.nanoTime(),
                Payer.SELF, null, LocalDate.now(), null, null));
        return m.id();
    }

    private static DataScope secretaryOf(Organization org) {
        return new DataScope(42, "党委书记", false, List.of(), List.of(org.path()), null, null, false);
    }

    /** Each table's row versions (xmin and place) of the member: equal only when no row was rewritten. */
    private Map<String, String> versions(long memberId) {
        return PATHLESS.stream().collect(Collectors.toMap(t -> t, t -> jdbc.sql(
                        "select string_agg(xmin::text || ctid::text, ',' order by xmin::text || ctid::text) from " + t
                                + " where member_id = ?")
                .param(memberId).query(String.class).single()));
    }

    private long entryOf(long memberId) {
        return jdbc.sql("select id from dues_entry where member_id = ?").param(memberId).query(Long.class).single();
    }

    @Test
    void a_committees_move_rewrites_no_row_yet_every_view_finds_them_under_the_new_parent_and_not_the_old() {
        Tree t = tree("甲");
        long member = member(t.branch());
        Map<String, String> before = versions(member);
        assertThat(before.values()).doesNotContainNull();
        assertThat(arrears.run(member).months()).isEqualTo(3);

        organizations.move(SYSTEM, t.moving().id(), t.to().id());

        assertThat(versions(member)).isEqualTo(before);
        DataScope newSecretary = secretaryOf(t.to());
        DataScope oldSecretary = secretaryOf(t.from());
        // the bill list of each committee
        assertThat(duesBills.list(newSecretary, t.to().id(), last, null, 0, 50).bills())
                .extracting(DuesBill::memberId).containsExactly(member);
        assertThat(duesBills.list(oldSecretary, t.from().id(), last, null, 0, 50).total()).isZero();
        // the F8 list
        assertThat(arrears.page(newSecretary, t.to().id(), 1, null, 20).items())
                .extracting(ArrearsMember::memberId).containsExactly(member);
        assertThat(arrears.page(oldSecretary, t.from().id(), 1, null, 20).items()).isEmpty();
        // the branch's month (its bills and payments) and the ledger entry
        BranchDues month = views.branch(newSecretary, t.branch().id(), now);
        assertThat(month.billLines()).extracting(DuesBillLine::memberId).containsExactly(member);
        assertThat(month.payments()).extracting(DuesEntryLine::memberId).containsExactly(member);
        assertThat(ledger.entry(newSecretary, entryOf(member)).memberId()).isEqualTo(member);
        assertThatThrownBy(() -> views.branch(oldSecretary, t.branch().id(), now)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ledger.entry(oldSecretary, entryOf(member))).isInstanceOf(NotFoundException.class);
        // the roll-ups moved with the subtree
        assertThat(recount.mismatches(t.root().path().value())).isEmpty();
        assertThat(jdbc.sql("select count(distinct root_id) from dues_bill where member_id = ?").param(member)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_move_to_another_root_rewrites_the_root_of_bills_entries_and_arrears_and_nothing_else() {
        Tree t = tree("乙");
        Organization otherRoot = data.committee("党费迁入另一上级党委" + System.nanoTime() % 1_000_000);
        long member = member(t.branch());
        Map<String, String> before = versions(member);

        organizations.move(SYSTEM, t.moving().id(), otherRoot.id());

        Map<String, String> after = versions(member);
        assertThat(after.get("dues_base")).isEqualTo(before.get("dues_base"));   // no root_id: untouched
        for (String table : List.of("dues_bill", "dues_arrears", "dues_entry")) {
            assertThat(jdbc.sql("select array_agg(distinct root_id) from " + table + " where member_id = ?")
                    .param(member).query((rs, i) -> List.of((Long[]) rs.getArray(1).getArray())).single())
                    .as(table).containsExactly(otherRoot.id());
        }
        assertThat(jdbc.sql("select org_id from dues_entry where member_id = ?").param(member).query(Long.class)
                .single()).isEqualTo(t.branch().id());
        DataScope newSecretary = secretaryOf(otherRoot);
        assertThat(arrears.page(newSecretary, otherRoot.id(), 1, null, 20).items())
                .extracting(ArrearsMember::memberId).containsExactly(member);
        assertThat(duesBills.list(secretaryOf(t.root()), t.root().id(), last, null, 0, 50).total()).isZero();
        assertThat(recount.mismatches(otherRoot.path().value())).isEmpty();
        assertThat(recount.mismatches(t.root().path().value())).isEmpty();
        // a second move within the new root touches nothing
        Organization sibling = data.org(otherRoot.id(), "党费再迁党委", OrganizationType.BASE_COMMITTEE);
        Map<String, String> settled = versions(member);
        organizations.move(SYSTEM, t.moving().id(), sibling.id());
        assertThat(versions(member)).isEqualTo(settled);
        assertThat(views.branch(secretaryOf(sibling), t.branch().id(), last).due()).isEqualByComparingTo("50.00");
    }
}
