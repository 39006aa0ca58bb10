package cn.zhibu.platform.audit;

import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.IdNumberHits;
import cn.zhibu.platform.Masking;
import cn.zhibu.platform.RateLimitedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link IdNumberHits} with the hits elsewhere counted in {@code id_number_hit} (one row per hit, the last hour of
 * each user kept). Each answer runs in a transaction of its own, so the audit entries and counts stay when the
 * request that found them is refused; a per-user advisory lock makes two nodes count one user's hits in turn.
 */
@Component
class AuditedIdNumberHits implements IdNumberHits {

    /** The first key of the per-user advisory lock ("IDNH"); two-key locks do not collide with the chain locks. */
    private static final int LOCK_CLASS = 0x49444e48;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate ownTransaction;
    private final int perHour;

    AuditedIdNumberHits(JdbcClient jdbc, AuditLog audit, PlatformTransactionManager transactions,
                        @Value("${zhibu.security.duplicate-hits-per-hour:20}") int perHour) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.perHour = perHour;
    }

    @Override
    public String answer(DataScope caller, String operation, Probe probe, String elsewhere) {
        return answerAll(caller, operation, List.of(probe), elsewhere).get(0);
    }

    @Override
    public List<String> answerAll(DataScope caller, String operation, List<Probe> probes, String elsewhere) {
        List<String> answers = ownTransaction.execute(tx -> answerInOwnTransaction(caller, operation, probes, elsewhere));
        if (answers.contains(null)) {
            throw new RateLimitedException("idNumber", "一小时内查到其他党组织已登记的身份证号超过" + perHour
                    + "次，已暂停查重，请稍后再试（如需核对大量人员，请联系上级党组织）");
        }
        return answers;
    }

    /** Answers in order (null for a hit beyond the limit), counts the hits elsewhere, and audits every hit. */
    private List<String> answerInOwnTransaction(DataScope caller, String operation, List<Probe> probes,
                                                String elsewhere) {
        boolean anyElsewhere = probes.stream().anyMatch(p -> !caller.managesMembersAt(p.holder().orgPath()));
        int left = anyElsewhere ? lockAndCountLeft(caller.actorId()) : 0;
        List<String> answers = new ArrayList<>();
        int counted = 0;
        for (Probe probe : probes) {
            if (caller.managesMembersAt(probe.holder().orgPath())) {
                answers.add(probe.holder().inScopeMessage());
            } else if (counted < left) {
                counted++;
                answers.add(elsewhere);
            } else {
                answers.add(null);
            }
        }
        if (counted > 0) {
            jdbc.sql("insert into id_number_hit (actor_id) select ? from generate_series(1, ?)")
                    .params(caller.actorId(), counted).update();
        }
        // the audit entries last: each takes its chain's lock (see AuditLog#record)
        for (int i = 0; i < probes.size(); i++) {
            Probe probe = probes.get(i);
            Map<String, Object> what = new LinkedHashMap<>();
            what.put("operation", operation);
            what.put("idNumber", Masking.idNumber(probe.idNumber()));
            what.put("withinCallerScope", caller.managesMembersAt(probe.holder().orgPath()));
            what.put("answered", answers.get(i) == null ? "超过每小时限额，已拒绝" : answers.get(i));
            audit.record(caller, PlatformAuditAction.ID_NUMBER_HIT, probe.holder().entityType(), probe.holder().entityId(),
                    probe.holder().orgPath(), null, what);
        }
        return answers;
    }

    /** Takes the user's lock, forgets their hits older than an hour, and returns how many they have left. */
    private int lockAndCountLeft(long actorId) {
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(LOCK_CLASS, (int) (actorId ^ (actorId >>> 32)))
                .query((rs, i) -> 1).list();
        jdbc.sql("delete from id_number_hit where actor_id = ? and at <= now() - interval '1 hour'").param(actorId)
                .update();
        long used = jdbc.sql("select count(*) from id_number_hit where actor_id = ?").param(actorId)
                .query(Long.class).single();
        return (int) Math.max(0, perHour - used);
    }
}
