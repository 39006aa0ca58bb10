package cn.zhibu.generator;

import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.PinyinNames;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.audit.PlatformAuditAction;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/**
 * Fills the database with a province: the organization tree, its members with encrypted 身份证号 and phones,
 * exact roll-ups, two accounts and an audit entry. Everything is written with COPY in one transaction, so the
 * database holds either the whole province or what it held before.
 */
@Component
public class ProvinceGenerator {

    private static final Logger log = LoggerFactory.getLogger(ProvinceGenerator.class);

    /**
     * Dates are relative to this day rather than to the clock, so a seed gives the same people on any day; never
     * later than today, so nobody is born or joins in the future.
     */
    static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 23);
    /** Threads generating and encrypting members while the connection streams them (2-core machines). */
    private static final int WORKERS = 2;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final PlatformTransactionManager transactions;
    private final FieldCipher cipher;
    private final UserAccounts accounts;
    private final AuditLog audit;
    private final JsonMapper json;

    ProvinceGenerator(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactions,
                      FieldCipher cipher, UserAccounts accounts, AuditLog audit, JsonMapper json) {
        this.json = json;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cipher = cipher;
        this.accounts = accounts;
        this.audit = audit;
    }

    /**
     * @throws GenerationRefused when the database already holds data and {@code options.replace()} is off
     */
    public GenerationReport generate(GeneratorOptions options) {
        long started = System.nanoTime();
        PhaseTimer timer = new PhaseTimer(log);
        LocalDate today = LocalDate.now().isBefore(REFERENCE_DATE) ? LocalDate.now() : REFERENCE_DATE;
        log.info("开始生成：党员 {} 名，种子 {}，参照日期 {}", String.format("%,d", options.members()), options.seed(), today);
        ProvincePlan plan = unchecked(() -> timer.time("规划组织树",
                () -> ProvincePlanner.plan(options.members(), options.seed(), today)));
        log.info("组织树：{}", describe(plan));
        TransactionStatus status = transactions.getTransaction(TransactionDefinition.withDefaults());
        try {
            unchecked(() -> {
                load(plan, options, today, timer);
                timer.run("提交", () -> transactions.commit(status));
                return null;
            });
        } catch (RuntimeException e) {
            if (!status.isCompleted()) {
                try {
                    transactions.rollback(status);
                } catch (RuntimeException rollback) {
                    e.addSuppressed(rollback); // the load's own failure is what the user needs to see
                }
            }
            throw e;
        }
        // sets hint bits and the visibility map now, not on the first reads, and leaves autovacuum nothing to do
        unchecked(() -> {
            timer.run("VACUUM", () -> jdbc.sql("vacuum organization, member, member_lookup, member_rollup, org_rollup, "
                    + "admission_case, admission_step, admission_rollup, life_meeting, life_meeting_kind, life_invitee, "
                    + "life_compliance_org, life_compliance_held, life_compliance_own, life_compliance_rollup").update());
            return null;
        });
        return new GenerationReport(plan.members(), plan.orgs().size(), options.seed(),
                Duration.ofNanos(System.nanoTime() - started), timer.phases());
    }

    private void load(ProvincePlan plan, GeneratorOptions options, LocalDate today, PhaseTimer timer) throws Exception {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        jdbc.sql("set local maintenance_work_mem = '512MB'").update();
        timer.run(options.replace() ? "清空现有数据" : "检查数据库为空", () -> {
            DataTables.requireEmptyOrReplace(jdbc, options.replace());
            if (options.replace()) {
                audit.emptiedDeliberately(); // or verification would report the emptied chains as cut short
            }
        });
        timer.time("写入党组织", () -> withoutStructures("organization",
                () -> OrganizationRows.write(connection, plan.orgs())));
        DroppedStructures memberStructures = timer.time("删除党员表索引和外键", () -> DroppedStructures.drop(jdbc, "member"));
        RollupKeys keys = new RollupKeys(today.getYear());
        MemberRollupCounts rollup = new MemberRollupCounts(plan.orgs(), keys);
        // the search keys (V57) are written once after the load, not by their trigger over a transition table of
        // every member
        jdbc.sql("alter table member disable trigger member_lookup_insert").update();
        timer.time("生成并写入党员", () -> members(plan, options.seed(), today, keys).run(connection, rollup, log));
        timer.run("重建党员表" + memberStructures.summary(), memberStructures::restore);
        timer.time("写入党员检索键", () -> withoutStructures("member_lookup",
                () -> jdbc.sql("select member_lookup_fill()").query(Long.class).single()));
        jdbc.sql("alter table member enable trigger member_lookup_insert").update();
        timer.time("写入党员汇总表", () -> withoutStructures("member_rollup", () -> {
            rollup.finish();
            return rollup.write(connection);
        }));
        timer.time("写入组织汇总表", () -> withoutStructures("org_rollup",
                () -> OrgRollupRows.write(connection, plan.orgs())));
        long cases = timer.time("生成发展党员记录", () -> new AdmissionCases(cipher, json)
                .write(connection, plan, options.seed(), today));
        timer.run("写入发展党员汇总表", () -> jdbc.sql(ADMISSION_ROLLUP).update());
        log.info("发展党员记录 {} 条", String.format("%,d", cases));
        LifeQuarter life = new LifeQuarter(plan, options.seed(), today);
        long meetings = timer.time("生成本季度组织生活会议", () -> withoutStructures("life_meeting",
                () -> withoutStructures("life_meeting_kind", () -> life.writeMeetings(connection, jdbc))));
        long invitees = timer.time("写入参会人员", () -> withoutStructures("life_invitee",
                () -> LifeQuarter.writeInvitees(jdbc)));
        life.writeCompliance(connection, jdbc, timer);
        long dues = timer.time("写入党费基数", () -> withoutStructures("dues_base",
                () -> DuesBaseSeed.write(jdbc, options.seed())));
        log.info("党费基数 {} 条", String.format("%,d", dues));
        log.info("组织生活会议 {} 次，参会人员 {} 人次", String.format("%,d", meetings), String.format("%,d", invitees));
        timer.run("账号、序列和审计", () -> {
            jdbc.sql("select setval('organization_seq', ?)").param((long) plan.orgs().size()).query(Long.class).single();
            jdbc.sql("select setval('member_seq', ?)").param((long) plan.members()).query(Long.class).single();
            jdbc.sql("select setval('admission_case_seq', greatest(1, (select max(id) from admission_case)))")
                    .query(Long.class).single();
            jdbc.sql("select setval('admission_step_seq', greatest(1, (select max(id) from admission_step)))")
                    .query(Long.class).single();
            GeneratedAccounts.create(accounts, options.password(), plan.root().id());
            audit.record(DataScope.system("数据生成器"), PlatformAuditAction.DATASET_GENERATED, "dataset", null, null, null,
                    Map.of("members", plan.members(), "organizations", plan.orgs().size(), "seed", options.seed()));
        });
        timer.time("ANALYZE", () -> jdbc.sql("analyze organization, member, member_lookup, member_rollup, org_rollup, "
                + "admission_case, admission_step, admission_rollup, life_meeting, life_meeting_kind, life_invitee, "
                + "life_compliance_org, life_compliance_held, life_compliance_own, life_compliance_rollup, dues_base").update());
    }

    /** The admission roll-up from the cases just written, counted by the view migration V15 fills it with. */
    private static final String ADMISSION_ROLLUP =
            "insert into admission_rollup (org_id, metric, n) select org_id, metric, n from admission_rollup_recount";

    /** A bulk load into a table whose secondary indexes and foreign keys are rebuilt once afterwards. */
    private <T> T withoutStructures(String table, PhaseTimer.Step<T> load) throws Exception {
        DroppedStructures structures = DroppedStructures.drop(jdbc, table);
        T result = load.run();
        structures.restore();
        return result;
    }

    private MemberLoad members(ProvincePlan plan, long seed, LocalDate today, RollupKeys keys) {
        PinyinNames.full("张三"); // loads pinyin4j's table before the workers share it
        Demographics demographics = new Demographics(today);
        PhoneNumbers phones = new PhoneNumbers(seed);
        MemberRows rows = new MemberRows(cipher);
        return new MemberLoad(plan, WORKERS,
                chunk -> new ChunkTask(chunk, plan.orgs(), seed, demographics, phones, rows, keys));
    }

    private static String describe(ProvincePlan plan) {
        StringBuilder text = new StringBuilder();
        plan.countByType().forEach((type, n) -> text.append(type.label()).append(' ')
                .append(String.format("%,d", n)).append("、"));
        return text.append("共 ").append(String.format("%,d", plan.orgs().size())).append(" 个党组织")
                .toString().replace("、共", "，共");
    }

    /** Runs work whose checked exceptions (SQL, mostly) should end the generation like any other failure. */
    private static <T> T unchecked(PhaseTimer.Step<T> work) {
        try {
            return work.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
