package cn.zhibu.browser;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The login page: one red band across the top, the rest of the screen light, on a desktop and on a phone. */
class LoginPageBrowserTest extends BrowserTestBase {

    private static final int BAND = 220;

    @Test
    void the_red_band_is_drawn_once_at_1440_and_at_390_px() throws IOException {
        for (int[] size : new int[][]{{1440, 900}, {390, 844}}) {
            Page page = newPage();
            page.setViewportSize(size[0], size[1]);
            page.navigate("/login");
            page.waitForSelector("#login-submit");
            BufferedImage shot = ImageIO.read(new ByteArrayInputStream(page.screenshot()));
            // the left edge, outside the card: red down to the band's end, light from there to the bottom
            for (int y = 0; y < shot.getHeight(); y += 4) {
                int rgb = shot.getRGB(2, y) & 0xFFFFFF;
                String at = size[0] + " px wide, " + y + " px down";
                if (y < BAND - 2) {
                    assertThat(Integer.toHexString(rgb)).as(at).isEqualTo("c8161d");
                } else if (y > BAND + 2) {
                    assertThat(Integer.toHexString(rgb)).as(at).isEqualTo("f5f6f8");
                }
            }
            page.context().close();
        }
    }
}
