package cn.zhibu.dues.internal;

import cn.zhibu.dues.DuesBills;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.ClusterSchedule;
import cn.zhibu.platform.DataScope;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.time.YearMonth;

/**
 * The month's bills for the whole tree, once per cluster, from the 1st: every {@code zhibu.dues.bills.check-interval}
 * (default an hour) a run checks each top organization for a run of the current month and makes one where it is
 * missing — so a month whose 1st the cluster was down is billed when it is back, and a second run finds nothing to
 * do. {@code zhibu.dues.bills.scheduled=false} turns it off (bills then come from the page or the API only).
 */
@Configuration
class MonthlyBillRun {

    private static final Logger log = LoggerFactory.getLogger(MonthlyBillRun.class);
    static final DataScope SYSTEM = DataScope.system("每月党费账单");

    @Bean
    RecurringTask<Void> duesMonthlyBills(ClusterSchedule schedule, DuesBills bills, BillRows rows,
                                         OrganizationService organizations, cn.zhibu.dues.DuesSettings settings,
                                         @Value("${zhibu.dues.bills.scheduled:true}") boolean scheduled,
                                         @Value("${zhibu.dues.bills.check-interval:PT1H}") Duration interval) {
        return schedule.every("dues-monthly-bills", interval, () -> {
            if (scheduled && !YearMonth.now().isBefore(settings.firstMonth())) {
                runFor(YearMonth.now(), bills, rows, organizations);
            }
        });
    }

    static void runFor(YearMonth month, DuesBills bills, BillRows rows, OrganizationService organizations) {
        for (Organization top : organizations.roots(SYSTEM)) {
            if (top.active() && !rows.covered(top.path(), month)) {
                var run = bills.make(SYSTEM, top.id(), month);
                log.info("已为{}生成{}党费账单{}张，用时{}毫秒", top.name(), month, run.bills(), run.millis());
            }
        }
    }
}
