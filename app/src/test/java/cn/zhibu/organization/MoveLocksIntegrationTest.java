package cn.zhibu.organization;

import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A move takes the subtree's rows at NO KEY UPDATE, the rewrite of their paths included, so it never waits for the
 * KEY SHARE locks that foreign-key checks take on organizations (a roll-up fold inserting rows for them) — a fold
 * holding one while waiting for a row the move had rewritten deadlocked with it when the path was a key column.
 */
@IntegrationTest
class MoveLocksIntegrationTest {

    @Autowired TestData data;
    @Autowired OrganizationService organizations;
    @Autowired DataSource dataSource;

    @Test
    void a_move_does_not_wait_for_a_foreign_key_checks_key_share_lock_on_a_moved_organization() throws Exception {
        Organization province = data.committee("锁测省委");
        Organization countyA = data.org(province.id(), "锁测甲县委", OrganizationType.BASE_COMMITTEE);
        Organization countyB = data.org(province.id(), "锁测乙县委", OrganizationType.BASE_COMMITTEE);
        Organization committee = data.org(countyA.id(), "锁测党委", OrganizationType.BASE_COMMITTEE);
        Organization branch = data.org(committee.id(), "锁测支部", OrganizationType.BRANCH);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement keyShare = other.prepareStatement(
                    "select id from organization where id = ? for key share")) {
                keyShare.setLong(1, branch.id());
                keyShare.executeQuery().close();
            }
            Organization moved = CompletableFuture
                    .supplyAsync(() -> organizations.move(SYSTEM, committee.id(), countyB.id()))
                    .get(20, TimeUnit.SECONDS);
            assertThat(moved.path().value()).startsWith(countyB.path().value());
            other.rollback();
        }
        assertThat(organizations.get(SYSTEM, branch.id()).path().value())
                .isEqualTo(countyB.path().value() + committee.id() + "/" + branch.id() + "/");
    }
}
