package cn.zhibu.support;

import cn.zhibu.dues.DuesPayments;
import cn.zhibu.dues.OnlineSettlement;
import cn.zhibu.dues.OpenBill;
import cn.zhibu.platform.InvalidInputException;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tests only, and only while the ledger's {@link DuesPayments} is not in the application (an auto-configuration, so
 * it steps aside by itself the moment the real one is a bean): reads open bills from {@code dues_bill}, prices
 * billed months, and counts what online payment posts and reverses, once per order, as the contract says.
 */
@AutoConfiguration
@ConditionalOnMissingBean(DuesPayments.class)
public class LedgerStandIn {

    @Bean
    Recorder ledgerStandInRecorder(JdbcClient jdbc) {
        return new Recorder(jdbc);
    }

    public static final class Recorder implements DuesPayments {
        private final JdbcClient jdbc;
        private final AtomicLong entries = new AtomicLong(800_000_000);
        public final Map<Long, Long> settled = new ConcurrentHashMap<>();
        public final Map<Long, Long> reversed = new ConcurrentHashMap<>();
        public final Map<Long, OnlineSettlement> settlements = new ConcurrentHashMap<>();

        Recorder(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public List<OpenBill> openBills(long memberId) {
            return jdbc.sql("select member_id, month, org_id, amount, paid from dues_bill where member_id = ?"
                            + " and status = 'OPEN' order by month").param(memberId)
                    .query((rs, i) -> new OpenBill(rs.getLong(1), YearMonth.from(rs.getDate(2).toLocalDate()),
                            rs.getLong(3), rs.getBigDecimal(4), rs.getBigDecimal(5))).list();
        }

        @Override
        public BigDecimal quote(long memberId, List<YearMonth> months) {
            Map<YearMonth, OpenBill> open = new java.util.HashMap<>();
            openBills(memberId).forEach(b -> open.put(b.month(), b));
            BigDecimal sum = BigDecimal.ZERO;
            for (YearMonth m : months) {
                OpenBill b = open.get(m);
                if (b == null) {
                    throw InvalidInputException.of("months", m + " 不是欠交的月份");
                }
                sum = sum.add(b.due());
            }
            return sum;
        }

        @Override
        public long settleOnline(OnlineSettlement settlement) {
            settlements.putIfAbsent(settlement.orderId(), settlement);
            return settled.computeIfAbsent(settlement.orderId(), k -> entries.incrementAndGet());
        }

        @Override
        public long reverseOnline(long orderId, String reason, String actor) {
            if (!settled.containsKey(orderId)) {
                throw new IllegalStateException("reversal of an order never settled: " + orderId);
            }
            return reversed.computeIfAbsent(orderId, k -> entries.incrementAndGet());
        }
    }
}
