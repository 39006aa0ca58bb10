package cn.zhibu.platform.web;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.io.IOException;
import java.io.Writer;

/**
 * What Tomcat answers by itself, before any servlet sees the request (a malformed request line or header, an invalid
 * %-escape), is a problem document for an API path too, not Tomcat's HTML page; other paths keep Tomcat's page
 * without server details. Replaces the host's error report valve (Spring Boot adds one of its own).
 */
public class ProblemReportValve extends ErrorReportValve {

    public ProblemReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        String uri = request.getRequestURI();
        if (status < 400 || response.getContentWritten() > 0 || !ApiPaths.isApi(uri)) {
            super.report(request, response, throwable);
            return;
        }
        try {
            response.setContentType(Problem.JSON.toString());
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                // our own constant texts: no escaping needed beyond what they contain (none)
                writer.write("{\"type\":\"urn:zhibu:problem:" + (status == 400 ? "invalid-input" : "client-error")
                        + "\",\"title\":\"" + Problem.title(status) + "\",\"status\":" + status
                        + ",\"detail\":\"请求格式不正确（请求行、请求头或地址中的 % 转义无效）\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away, or the response is already on its way: nothing more to say
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    static class Registration {

        /** After Spring Boot's own customizer, whose valve this one replaces. */
        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                    host.getPipeline().addValve(new ProblemReportValve());
                }
            });
        }
    }
}
