package io.antechamber.api.realtime;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/** Puts {@link AccessTokenQueryValve} in the engine's pipeline, ahead of every filter and servlet. */
@Component
public class AccessTokenQueryValveInstaller implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addEngineValves(new AccessTokenQueryValve());
    }
}
