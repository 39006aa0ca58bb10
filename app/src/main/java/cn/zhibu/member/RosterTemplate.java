package cn.zhibu.member;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** The import template: its columns in order, and the workbook users download, with an example row and the codes. */
public final class RosterTemplate {

    public static final List<String> COLUMNS = List.of("所在党组织", "组织编号", "姓名", "身份证号", "民族", "学历", "职业",
            "党员类别", "入党日期", "转正日期", "手机号", "工作单位", "职务");
    static final int ORG = 0;
    static final int ORG_ID = 1;
    static final int NAME = 2;
    static final int ID_NUMBER = 3;
    static final int ETHNICITY = 4;
    static final int EDUCATION = 5;
    static final int OCCUPATION = 6;
    static final int STATUS = 7;
    static final int JOINED_ON = 8;
    static final int CONVERTED_ON = 9;
    static final int PHONE = 10;
    static final int WORK_UNIT = 11;
    static final int JOB_TITLE = 12;

    private RosterTemplate() {
    }

    public static byte[] workbook() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Zhibu", "1.0");
            Worksheet sheet = wb.newWorksheet("党员信息");
            for (int c = 0; c < COLUMNS.size(); c++) {
                sheet.inlineString(0, c, COLUMNS.get(c));
                sheet.style(0, c).bold().set();
                sheet.width(c, c == ORG || c == WORK_UNIT ? 28 : 14);
            }
            List<String> example = List.of("示例：XX局办公室党支部（导入前删除本行）", "", "张三", "11010519491231002X", "汉族",
                    "大学本科", "党政机关工作人员", "正式党员", "2010-07-01", "2011-07-01", "13800138000", "XX局", "科员");
            for (int c = 0; c < example.size(); c++) {
                sheet.inlineString(1, c, example.get(c));
            }
            sheet.freezePane(0, 1);
            Worksheet help = wb.newWorksheet("填写说明");
            List<String[]> lines = List.of(
                    new String[]{"所在党组织", "党支部或党小组的全称，须在您的管理范围内；名称重复时请填写组织编号"},
                    new String[]{"组织编号", "可选：组织页面地址中的数字，填写后以编号为准"},
                    new String[]{"身份证号", "18位，校验位须正确；出生日期和性别由身份证号得出"},
                    new String[]{"民族", "如：汉族、回族"},
                    new String[]{"学历", String.join("、", Arrays.stream(Education.values()).map(Education::label).toList())},
                    new String[]{"职业", String.join("、", Arrays.stream(Occupation.values()).map(Occupation::label).toList())},
                    new String[]{"党员类别", "正式党员 或 预备党员；正式党员须填写转正日期"},
                    new String[]{"日期", "如 2010-07-01，也可用 Excel 日期格式"},
                    new String[]{"手机号", "可选：11位手机号或区号加座机号"});
            for (int r = 0; r < lines.size(); r++) {
                help.inlineString(r, 0, lines.get(r)[0]);
                help.inlineString(r, 1, lines.get(r)[1]);
            }
            help.width(1, 80);
            wb.finish();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
