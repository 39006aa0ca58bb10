package cn.zhibu.dues;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/** The template of the January upload of bases: its columns in order, an example row, and how to fill it in. */
public final class BaseTemplate {

    public static final List<String> COLUMNS = List.of("身份证号", "姓名", "党员类别", "起始月份", "计入基数的工资收入",
            "实际代扣个人所得税", "个人缴纳五险一金", "个人缴纳年金", "月基数", "自愿每月交纳", "备注");
    static final int ID_NUMBER = 0;
    static final int NAME = 1;
    static final int CATEGORY = 2;
    static final int MONTH = 3;
    static final int COUNTED_PAY = 4;
    static final int INCOME_TAX = 5;
    static final int SOCIAL_INSURANCE = 6;
    static final int ANNUITY = 7;
    static final int BASE = 8;
    static final int CHOSEN = 9;
    static final int NOTE = 10;


    private BaseTemplate() {
    }

    public static byte[] workbook() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Zhibu", "1.0");
            Worksheet sheet = wb.newWorksheet("党费基数");
            for (int c = 0; c < COLUMNS.size(); c++) {
                sheet.inlineString(0, c, COLUMNS.get(c));
                sheet.style(0, c).bold().set();
                sheet.width(c, c == ID_NUMBER || c == NOTE ? 22 : 14);
            }
            List<String> example = List.of("示例：11010519491231002X（导入前删除本行）", "张三", "工资收入", "2027-01", "8000.00",
                    "120.00", "1200.00", "300.00", "", "", "");
            for (int c = 0; c < example.size(); c++) {
                sheet.inlineString(1, c, example.get(c));
            }
            sheet.freezePane(0, 1);
            Worksheet help = wb.newWorksheet("填写说明");
            List<String[]> lines = List.of(
                    new String[]{"身份证号", "18位；党员须在您管理的党组织中"},
                    new String[]{"姓名", "可选，仅供核对"},
                    new String[]{"党员类别", String.join("、", Arrays.stream(DuesCategory.values())
                            .filter(c -> c != DuesCategory.HARDSHIP).map(DuesCategory::label).toList())},
                    new String[]{"起始月份", "如 2027-01；年初核定时通常为当年1月"},
                    new String[]{"工资单各项", "工资收入党员填写：计入基数的工资收入（岗位工资、薪级工资、基础性绩效、规范津贴补贴，"
                            + "不含奖励性绩效、年终奖、改革性补贴、社保类补贴），实际代扣的个人所得税（按工资单）、个人缴纳的五险一金和年金"},
                    new String[]{"月基数", "年薪制、个体经营、离退休党员填写；工资收入党员也可直接填写月基数（不填工资单各项）"},
                    new String[]{"农民、学生、下岗失业", "按固定金额，不填基数"},
                    new String[]{"自愿每月交纳", "可选：本人自愿多交的每月金额，不低于按规定计算的金额"},
                    new String[]{"生活困难党员", "减免须支部提出、上级党委批准，请在系统中逐人提出，不在此导入"});
            for (int r = 0; r < lines.size(); r++) {
                help.inlineString(r, 0, lines.get(r)[0]);
                help.inlineString(r, 1, lines.get(r)[1]);
            }
            help.width(0, 18);
            help.width(1, 100);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
