package io.antechamber.api.config;

import io.antechamber.api.auth.AuthInterceptor;
import io.antechamber.api.auth.CallerArgumentResolver;
import io.antechamber.api.web.AcceptHeaderInterceptor;
import io.antechamber.api.web.NoBodyExpectedInterceptor;
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
    private final NoBodyExpectedInterceptor noBodyExpectedInterceptor;

    public WebConfiguration(AuthInterceptor authInterceptor, CallerArgumentResolver callerArgumentResolver,
            AcceptHeaderInterceptor acceptHeaderInterceptor, NoBodyExpectedInterceptor noBodyExpectedInterceptor) {
        this.authInterceptor = authInterceptor;
        this.callerArgumentResolver = callerArgumentResolver;
        this.acceptHeaderInterceptor = acceptHeaderInterceptor;
        this.noBodyExpectedInterceptor = noBodyExpectedInterceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(authInterceptor).addPathPatterns("/v1/**").excludePathPatterns("/v1/openapi.json",
                "/v1/openapi.json.yaml");
        registry.addInterceptor(acceptHeaderInterceptor).addPathPatterns("/v1/**");
        registry.addInterceptor(noBodyExpectedInterceptor).addPathPatterns("/v1/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(callerArgumentResolver);
    }
}
