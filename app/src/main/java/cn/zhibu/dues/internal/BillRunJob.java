package cn.zhibu.dues.internal;

import cn.zhibu.dues.BillRun;
import cn.zhibu.dues.DuesBills;
import cn.zhibu.platform.JobHandler;
import cn.zhibu.platform.JobRun;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A month's bills made from the page, as a background job: a province's run takes tens of seconds, longer than a
 * browser should wait on one request; the page polls the job (any node answers) and shows the result.
 */
@Component
public class BillRunJob implements JobHandler<BillRunJob.Detail> {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";

    /** The run asked for and, when done, what it made. */
    public record Detail(long orgId, String orgName, String month, Integer bills, BigDecimal amount, Integer paid,
                         Integer waived, Long millis) {
    }

    private final DuesBills bills;

    BillRunJob(DuesBills bills) {
        this.bills = bills;
    }

    @Override
    public String kind() {
        return "dues-bill-run";
    }

    @Override
    public Class<Detail> detailType() {
        return Detail.class;
    }

    @Override
    public JobRun.Outcome<Detail> run(JobRun<Detail> run) {
        Detail d = run.detail();
        run.state(RUNNING);
        BillRun made = bills.make(run.scope(), d.orgId(), YearMonth.parse(d.month()));
        run.progress(1, 1);
        return new JobRun.Outcome<>(DONE, null, new Detail(d.orgId(), d.orgName(), d.month(), made.bills(),
                made.amount(), made.paid(), made.waived(), made.millis()));
    }
}
