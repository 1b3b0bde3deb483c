package io.antechamber.api.dashboard.push;

import io.antechamber.api.dashboard.DashboardController;
import io.antechamber.api.push.WebPush;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the service worker at {@code /sw.js}, so its scope is the whole dashboard (a worker controls only the paths
 * under its own), never cached (DashboardHeaders) so an update reaches browsers; and tells every page whether push
 * is configured ({@code pushEnabled}), for the layout's "Enable notifications" button.
 */
@Configuration
public class PushDashboardConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/sw.js").addResourceLocations("classpath:/static/");
    }

    @ControllerAdvice(annotations = DashboardController.class)
    static class PushModel {

        private final WebPush webPush;

        PushModel(WebPush webPush) {
            this.webPush = webPush;
        }

        @ModelAttribute("pushEnabled")
        boolean pushEnabled() {
            return webPush.enabled();
        }
    }
}
