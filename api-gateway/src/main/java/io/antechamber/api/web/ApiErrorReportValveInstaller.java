package io.antechamber.api.web;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ApiErrorReportValve} in place of every other error report valve of the host, Spring Boot's included
 * (it adds one of its own; this customizer runs after Boot's), and names it the host's error report valve class so
 * Tomcat adds no default one at start.
 */
@Component
public class ApiErrorReportValveInstaller implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
        Ordered {

    private final ErrorWriter errors;

    public ApiErrorReportValveInstaller(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ApiErrorReportValve.class.getName());
            }
            host.getPipeline().addValve(new ApiErrorReportValve(errors));
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
