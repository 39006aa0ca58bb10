package cn.zhibu.support;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Tests only: a page whose handler fails, so that the 500 page can be seen (the product has none on purpose). */
@Controller
@Profile("test")
class FailingPageController {

    @GetMapping("/test-only/failing-page")
    String fail() {
        throw new IllegalStateException("a page that fails, for the tests of the error page");
    }
}
