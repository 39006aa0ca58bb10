package cn.zhibu.demo;

import cn.zhibu.demo.DemoAccounts.Account;

/** The start-up notice telling whoever runs the demo where to open it and how to log in. */
final class DemoAccountsBanner {

    private static final String RULE = "=".repeat(72);

    private DemoAccountsBanner() {
    }

    static String text(String port) {
        StringBuilder sb = new StringBuilder("\n").append(RULE).append('\n')
                .append("  支部 · 演示环境\n")
                .append("  访问地址：http://localhost:").append(port).append('\n')
                .append("  演示账号（用户名 / 密码 / 角色 / 组织）：\n");
        for (Account a : DemoAccounts.ALL) {
            sb.append(String.format("    %-9s / %s / %s / %s%n", a.username(), DemoAccounts.PASSWORD,
                    a.role().label(), organization(a)));
        }
        return sb.append("  演示数据为虚构数据，仅供体验；设置 zhibu.demo.enabled=false 可关闭演示数据。\n")
                .append(RULE).toString();
    }

    private static String organization(Account a) {
        if (a.organization() == null) {
            return "全部组织";
        }
        return a.memberName() == null ? a.organization() : a.organization() + "（" + a.memberName() + "）";
    }
}
