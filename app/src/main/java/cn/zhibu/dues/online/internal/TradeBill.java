package cn.zhibu.dues.online.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The provider's trade bill (交易账单, bill_type ALL): a header line, one line per trade or refund with each field
 * prefixed by a backtick (so spreadsheets keep long numbers as text), then a summary header and one summary line
 * (总交易单数, 应结订单总金额, 退款总金额, …). Amounts are 元 with two decimals. A bill whose row count disagrees with its
 * summary is refused as incomplete.
 */
public record TradeBill(List<Row> rows, int declaredCount, long settledFen, long refundedFen) {

    /** One line: the trade's state is SUCCESS for a payment and REFUND for a refund of it. */
    public record Row(String time, String mchid, String transactionId, String outTradeNo, String state,
                      long totalFen, String refundId, String outRefundNo, long refundFen, String refundStatus) {
    }

    public static TradeBill parse(String text) {
        String[] lines = text.replace("\uFEFF", "").split("\r?\n");
        if (!lines[0].startsWith("交易时间")) {
            throw new IllegalArgumentException("对账单格式不正确：缺少表头");
        }
        List<Row> rows = new ArrayList<>();
        int i = 1;
        for (; i < lines.length && !lines[i].startsWith("总交易单数"); i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = fields(lines[i]);
            if (f.length < 20) {
                throw new IllegalArgumentException("对账单第" + (i + 1) + "行的字段不全");
            }
            rows.add(new Row(f[0], f[2], f[5], f[6], f[9], fen(f[12]), f[14], f[15], fen(f[16]), f[19]));
        }
        if (i + 1 >= lines.length) {
            throw new IllegalArgumentException("对账单格式不正确：缺少汇总行");
        }
        String[] summary = fields(lines[i + 1]);
        if (summary.length < 3) {
            throw new IllegalArgumentException("对账单汇总行不完整");
        }
        int declared = Integer.parseInt(summary[0]);
        if (declared != rows.size()) {
            throw new IllegalArgumentException("对账单不完整：汇总为" + declared + "笔，明细为" + rows.size() + "笔");
        }
        return new TradeBill(List.copyOf(rows), declared, fen(summary[1]), fen(summary[2]));
    }

    private static String[] fields(String line) {
        String[] raw = line.split(",", -1);
        for (int k = 0; k < raw.length; k++) {
            raw[k] = raw[k].startsWith("`") ? raw[k].substring(1) : raw[k];
        }
        return raw;
    }

    private static long fen(String yuan) {
        if (yuan == null || yuan.isBlank()) {
            return 0;
        }
        try {
            return new BigDecimal(yuan.strip()).movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("对账单金额格式不正确：" + yuan);
        }
    }
}
