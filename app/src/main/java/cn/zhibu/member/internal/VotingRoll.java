package cn.zhibu.member.internal;

import cn.zhibu.member.VotingMember;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;

/**
 * The voting 正式党员 of a subtree on a day (D9, E2), as far as the registry tells: full on that day (转正 on or
 * before it), not under 留党察看 on it, and still on the roll then — members of the registry and records archived
 * (停止党籍, 出党, death) after that day. Transfers between organizations after the day are not replayed: a member
 * who moved in since counts, one who moved out does not.
 */
@Repository
public class VotingRoll {

    private final JdbcClient jdbc;

    VotingRoll(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<VotingMember> on(TreePath subtree, LocalDate day) {
        return jdbc.sql("""
                        select m.id, m.name from (
                            select id, name, name_pinyin, status, joined_on, converted_on from member
                            where org_path >= :lo and org_path < :hi
                            union all
                            select id, name, name_pinyin, status, joined_on, converted_on from member_archive
                            where org_path >= :lo and org_path < :hi and archived_on > :day
                        ) m
                        where m.status = 'FULL' and coalesce(m.converted_on, m.joined_on) <= :day
                          and not exists (select 1 from member_status_event e
                                          where e.member_id = m.id and e.kind = 'PARTY_PROBATION'
                                            and e.effective_on <= :day and e.deadline > :day)
                        order by m.name_pinyin, m.id""")
                .param("lo", subtree.value()).param("hi", subtree.upperBound()).param("day", day)
                .query((rs, i) -> new VotingMember(rs.getLong(1), rs.getString(2))).list();
    }
}
