package cn.zhibu.dues.online;

import cn.zhibu.dues.online.fake.FakeWechatPay;
import cn.zhibu.dues.online.internal.PemKeys;
import cn.zhibu.dues.online.internal.TradeBill;
import cn.zhibu.dues.online.internal.WechatPayCrypto;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The trade bill's format (backticks, summary lines, a row count that must agree) and the PEM key files. */
class TradeBillAndKeysTest {

    private static final String HEADER = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,"
            + "货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,"
            + "手续费,费率,订单金额,申请退款金额,费率备注\r\n";
    private static final String PAYMENT = "`2026-03-01 12:00:00,`wx1,`1900000001,`0,`,`4200000001,`ZB202603010000000001,"
            + "`oPayer,`MWEB,`SUCCESS,`OTHERS,`CNY,`47.00,`0.00,`,`,`0.00,`0.00,`,`,`党费,`,`0.28000,`0.60%,`47.00,`0.00,`\r\n";
    private static final String REFUND = "`2026-03-01 15:00:00,`wx1,`1900000001,`0,`,`4200000002,`ZB202603010000000002,"
            + "`oPayer,`MWEB,`REFUND,`OTHERS,`CNY,`10.00,`0.00,`5030001,`RF1,`10.00,`0.00,`ORIGINAL,`SUCCESS,`党费,`,"
            + "`0.00000,`0.60%,`10.00,`10.00,`\r\n";
    private static final String SUMMARY = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n";

    @Test
    void a_bill_is_read_with_its_backticks_stripped_and_its_amounts_in_fen() {
        TradeBill bill = TradeBill.parse(HEADER + PAYMENT + REFUND + SUMMARY + "`2,`47.00,`10.00,`0.00,`0.28000,`57.00,`10.00\r\n");
        assertThat(bill.rows()).hasSize(2);
        TradeBill.Row paid = bill.rows().get(0);
        assertThat(paid.outTradeNo()).isEqualTo("ZB202603010000000001");
        assertThat(paid.state()).isEqualTo("SUCCESS");
        assertThat(paid.totalFen()).isEqualTo(4700);
        TradeBill.Row refund = bill.rows().get(1);
        assertThat(refund.state()).isEqualTo("REFUND");
        assertThat(refund.refundFen()).isEqualTo(1000);
        assertThat(refund.outRefundNo()).isEqualTo("RF1");
        assertThat(bill.settledFen()).isEqualTo(4700);
    }

    @Test
    void a_bill_whose_rows_disagree_with_its_summary_or_without_summary_is_refused() {
        assertThatThrownBy(() -> TradeBill.parse(HEADER + PAYMENT + SUMMARY + "`2,`47.00,`0.00,`0.00,`0.00,`47.00,`0.00\r\n"))
                .hasMessageContaining("不完整");
        assertThatThrownBy(() -> TradeBill.parse(HEADER + PAYMENT)).hasMessageContaining("汇总");
        assertThatThrownBy(() -> TradeBill.parse("not a bill\n\n\n")).hasMessageContaining("表头");
        assertThat(TradeBill.parse(HEADER + SUMMARY + "`0,`0.00,`0.00,`0.00,`0.00,`0.00,`0.00\r\n").rows()).isEmpty();
    }

    @Test
    void pem_files_as_the_merchant_platform_hands_them_out_sign_and_verify() {
        KeyPair pair = FakeWechatPay.Keys.generate().merchant();
        var privateKey = PemKeys.privateKey(PemKeys.pem(pair.getPrivate()));
        var publicKey = PemKeys.publicKey(PemKeys.pem(pair.getPublic()));
        String signature = WechatPayCrypto.sign("GET\n/v3/x\n1\nN\n\n", privateKey);
        assertThat(WechatPayCrypto.verify("GET\n/v3/x\n1\nN\n\n", signature, publicKey)).isTrue();
        assertThat(WechatPayCrypto.verify("GET\n/v3/y\n1\nN\n\n", signature, publicKey)).isFalse();
        assertThatThrownBy(() -> PemKeys.privateKey("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
