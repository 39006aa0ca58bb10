package cn.zhibu.member.internal;

import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.RollMember;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Members of the registry with their vote on a day (E2, as {@link VotingRoll} reads it: full by then, not under
 * 留党察看 then): a subtree's, or those of a list of ids within the caller's scope.
 */
@Repository
public class MemberRoll {

    private static final String SELECT = """
            select m.id, m.name, m.org_id, m.status,
                   m.status = 'FULL' and coalesce(m.converted_on, m.joined_on) <= :day
                   and not exists (select 1 from member_status_event e
                                   where e.member_id = m.id and e.kind = 'PARTY_PROBATION'
                                     and e.effective_on <= :day and e.deadline > :day) as voting
            from member m""";

    private final JdbcClient jdbc;

    MemberRoll(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<RollMember> of(TreePath subtree, LocalDate day) {
        return jdbc.sql(SELECT + " where m.org_path >= :lo and m.org_path < :hi order by m.name_pinyin, m.id")
                .param("lo", subtree.value()).param("hi", subtree.upperBound()).param("day", day)
                .query(MemberRoll::map).list();
    }

    public List<RollMember> of(DataScope scope, Collection<Long> ids, LocalDate day) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = DataScope.params();
        String inScope = scope.memberScopeSql("m.org_path", params);
        params.put("ids", ids.toArray(Long[]::new));
        params.put("day", day);
        return jdbc.sql(SELECT + " where m.id = any(:ids) and " + inScope + " order by m.name_pinyin, m.id")
                .params(params).query(MemberRoll::map).list();
    }

    private static RollMember map(ResultSet rs, int i) throws SQLException {
        return new RollMember(rs.getLong("id"), rs.getString("name"), rs.getLong("org_id"),
                MemberStatus.valueOf(rs.getString("status")), rs.getBoolean("voting"));
    }
}
