package io.antechamber.api.dashboard;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the dashboard: its session check, its static files ({@code /static/**} from {@code classpath:/static/}, and
 * htmx from WebJars at {@code /webjars/**}, addressed without a version through webjars-locator-lite), and the hourly
 * removal of sessions that are over. Spring Boot's own static mappings stay off (application.yml): these are the only
 * files served.
 */
@Configuration
public class DashboardWebConfiguration implements WebMvcConfigurer {

    private static final CacheControl ASSETS = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    private final DashboardInterceptor interceptor;

    public DashboardWebConfiguration(DashboardInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor).excludePathPatterns("/v1/**", "/static/**", "/webjars/**");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/static/**").addResourceLocations("classpath:/static/").setCacheControl(ASSETS);
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(ASSETS).resourceChain(true);
    }

    @Bean
    public RecurringTask<Void> purgeDashboardSessions(DashboardSessions sessions) {
        return Tasks.recurring("purge-dashboard-sessions", FixedDelay.ofHours(1))
                .execute((instance, context) -> sessions.purgeExpired());
    }
}
