package cn.zhibu.browser;

import cn.zhibu.demo.DemoAccounts;
import cn.zhibu.member.RosterTemplate;
import cn.zhibu.support.TestData;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The roster pages a secretary uses: import with a bad row (rejected, then the good rows on request), export, 流动党员. */
class RosterBrowserTest extends BrowserTestBase {

    static byte[] file(List<List<String>> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("党员信息");
        for (int c = 0; c < RosterTemplate.COLUMNS.size(); c++) {
            ws.inlineString(0, c, RosterTemplate.COLUMNS.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                ws.inlineString(r + 1, c, rows.get(r).get(c));
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    static List<String> row(String name, String id) {
        return List.of(DemoAccounts.SECRETARY_BRANCH, "", name, id, "汉族", "大学本科", "党政机关工作人员", "正式党员",
                "2010-07-01", "2011-07-01", "", "测试单位", "科员");
    }

    @Test
    void secretary_imports_with_a_bad_row_then_the_good_rows_exports_and_opens_floating_members() throws Exception {
        Page page = newPage();
        page.onDialog(dialog -> dialog.accept());
        BrowserSupport.login(page, DemoAccounts.SECRETARY, DemoAccounts.PASSWORD);

        page.navigate("/members/import");
        Download template = page.waitForDownload(() -> page.click("#download-template"));
        org.assertj.core.api.Assertions.assertThat(template.suggestedFilename()).endsWith(".xlsx");
        String good = TestData.idNumber(LocalDate.of(1988, 8, 8), true);
        String bad = good.substring(0, 17) + (good.endsWith("0") ? "1" : "0");
        page.setInputFiles("#file", new FilePayload("党员.xlsx", "application/octet-stream",
                file(List.of(row("导入正确", good), row("导入错误", bad)))));
        page.click("#upload");
        assertThat(page.locator("#import-status")).containsText("未导入任何数据");
        assertThat(page.locator("#import-errors tbody tr")).hasCount(1);
        assertThat(page.locator("#import-errors")).containsText("校验位");
        page.click("#import-valid-rows");
        assertThat(page.locator("#import-status")).containsText("已导入 1 名党员");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/import-done.png")));

        page.navigate("/members/export");
        page.click("#start-export");
        assertThat(page.locator("#download-export")).isVisible();
        Download export = page.waitForDownload(() -> page.click("#download-export"));
        org.assertj.core.api.Assertions.assertThat(export.suggestedFilename()).startsWith("花名册-");

        page.navigate("/floating");
        assertThat(page.locator("h1")).hasText("流动党员");
        page.fill("#inflow-form input[name=name]", "流入演示");
        page.fill("#inflow-form input[name=homeOrg]", "外县某镇党委");
        page.click("#inflow-form button");
        assertThat(page.locator(".alert-success")).containsText("已登记流入党员");
        assertThat(page.locator("#inflow-table")).containsText("流入演示");
    }
}
