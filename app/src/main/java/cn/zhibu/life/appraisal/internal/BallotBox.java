package cn.zhibu.life.appraisal.internal;

import cn.zhibu.life.appraisal.Grade;
import cn.zhibu.life.appraisal.GradeTotals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The 民主测评's two tables, which share nothing but the appraisal (V30):
 * <ul>
 *   <li>{@code life_appraisal_voter} holds THAT a participant has voted — the key (appraisal, member) and nothing else:
 *       no time, no ballot id. Its primary key is what refuses a second ballot, also when two arrive at once.</li>
 *   <li>{@code life_appraisal_tally} holds WHAT was voted, as counts per 正式党员 rated and grade. Its rows are written
 *       when the ballot opens, in member order, so their place on disk follows the roster, not the voters. A ballot
 *       grades every rated member, so every ballot adds one to one count of every row: each ballot rewrites all the rows
 *       alike, and what is left after it is a sum in which no single ballot can be told apart.</li>
 * </ul>
 * There is no ballot row at all — nothing with an id, a time or an insertion order that could be matched with the
 * order or time of the voters (which the voter table and the audit log do show, as they must for turnout).
 * <p>
 * What the database cannot hide from its own superuser is said here, not pretended away: the voter's mark and the
 * counts are written in one transaction (so that a ballot is counted exactly when its voter is marked), and
 * PostgreSQL stamps both with that transaction's id ({@code xmin}) until they are rewritten. The counts are rewritten
 * by every later ballot, so this names at most who voted last — which the audit log's times name too — and still not
 * what they chose: that is only the difference between two versions of each row, and the older version is a dead
 * tuple that no SQL query returns and VACUUM reclaims (reading it takes the superuser's {@code pageinspect}, or the
 * WAL, which also hold every statement's effect: the server's administrator is trusted with the server, as for any
 * secret ballot kept on a computer). The application's users, the secretary included, and anyone reading the tables or
 * a backup, find no link.
 */
@Repository
public class BallotBox {

    private final JdbcClient jdbc;

    BallotBox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ballot opens: one row of zero counts for each 正式党员 taking part, in member order. */
    public void open(long appraisalId) {
        jdbc.sql("""
                        insert into life_appraisal_tally (appraisal_id, member_id)
                        select appraisal_id, member_id from life_appraisal_participant
                        where appraisal_id = ? and full_member order by member_id""")
                .param(appraisalId).update();
    }

    /**
     * Marks the member as having voted; false when they had already (the caller then refuses the ballot and rolls
     * back). A concurrent second ballot of the same member waits on the key and then finds it taken.
     */
    public boolean markVoted(long appraisalId, long memberId) {
        return jdbc.sql("insert into life_appraisal_voter (appraisal_id, member_id) values (?, ?) on conflict do nothing")
                .params(appraisalId, memberId).update() == 1;
    }

    public boolean hasVoted(long appraisalId, long memberId) {
        return jdbc.sql("select exists (select 1 from life_appraisal_voter where appraisal_id = ? and member_id = ?)")
                .params(appraisalId, memberId).query(Boolean.class).single();
    }

    /**
     * Adds one ballot to the counts: one grade for each rated member (the service has checked that the ballot grades
     * every one of them, and no one else). The rows are updated in member order, so concurrent ballots cannot deadlock.
     */
    public void add(long appraisalId, Map<Long, Grade> ballot) {
        for (Map.Entry<Long, Grade> e : new TreeMap<>(ballot).entrySet()) {
            String column = switch (e.getValue()) {
                case EXCELLENT -> "excellent";
                case QUALIFIED -> "qualified";
                case BASIC -> "basic";
                case UNQUALIFIED -> "unqualified";
            };
            int updated = jdbc.sql("update life_appraisal_tally set " + column + " = " + column
                            + " + 1 where appraisal_id = ? and member_id = ?")
                    .params(appraisalId, e.getKey()).update();
            if (updated != 1) {
                throw new IllegalStateException("no tally row for member " + e.getKey() + " of appraisal " + appraisalId);
            }
        }
    }

    /** The counts per rated member, in the roster's order. */
    public List<GradeTotals> totals(long appraisalId) {
        return jdbc.sql("""
                        select t.*, p.member_name from life_appraisal_tally t
                        join life_appraisal_participant p on p.appraisal_id = t.appraisal_id and p.member_id = t.member_id
                        where t.appraisal_id = ? order by p.sort_order""")
                .param(appraisalId)
                .query((rs, i) -> new GradeTotals(rs.getLong("member_id"), rs.getString("member_name"),
                        rs.getInt("excellent"), rs.getInt("qualified"), rs.getInt("basic"), rs.getInt("unqualified")))
                .list();
    }
}
