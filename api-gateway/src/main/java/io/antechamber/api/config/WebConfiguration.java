package io.antechamber.api.config;

import io.antechamber.api.auth.AuthInterceptor;
import io.antechamber.api.auth.CallerArgumentResolver;
import io.antechamber.api.web.AcceptHeaderInterceptor;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
public class WebConfiguration implements WebMvcConfigurer {

    private final AuthInterceptor authInterceptor;
    private final CallerArgumentResolver callerArgumentResolver;
    private final AcceptHeaderInterceptor acceptHeaderInterceptor;

    public WebConfiguration(AuthInterceptor authInterceptor, CallerArgumentResolver callerArgumentResolver,
            AcceptHeaderInterceptor acceptHeaderInterceptor) {
        this.authInterceptor = authInterceptor;
        this.callerArgumentResolver = callerArgumentResolver;
        this.acceptHeaderInterceptor = acceptHeaderInterceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(authInterceptor).addPathPatterns("/v1/**").excludePathPatterns("/v1/openapi.json",
                "/v1/openapi.json.yaml");
        registry.addInterceptor(acceptHeaderInterceptor);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(callerArgumentResolver);
    }
}
