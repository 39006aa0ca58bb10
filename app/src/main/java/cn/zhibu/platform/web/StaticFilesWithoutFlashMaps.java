package cn.zhibu.platform.web;

import cn.zhibu.platform.StaticFiles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;

/**
 * The dispatcher looks for flash attributes (the message shown after a redirect) in the session on every request
 * it serves, static files included. With sessions in the database that was a read and a write of the session row
 * for every style sheet and script a page loads — and a save racing the login: a file requested with the cookie
 * from before the login and answered after it wrote the session back as it had read it. Static files now leave the
 * session alone; every other request finds its flash attributes as before.
 */
@Component
class StaticFilesWithoutFlashMaps implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof FlashMapManager maps ? new SkippingStaticFiles(maps) : bean;
    }

    private record SkippingStaticFiles(FlashMapManager delegate) implements FlashMapManager {

        @Override
        public FlashMap retrieveAndUpdate(HttpServletRequest request, HttpServletResponse response) {
            return StaticFiles.isStaticFile(request.getRequestURI()) ? null
                    : delegate.retrieveAndUpdate(request, response);
        }

        @Override
        public void saveOutputFlashMap(FlashMap flashMap, HttpServletRequest request, HttpServletResponse response) {
            delegate.saveOutputFlashMap(flashMap, request, response);
        }
    }
}
