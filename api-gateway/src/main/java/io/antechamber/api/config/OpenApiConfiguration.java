package io.antechamber.api.config;

import io.antechamber.api.auth.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI 3 document served at {@code /v1/openapi.json}. */
@Configuration
public class OpenApiConfiguration {

    static {
        // the authenticated caller is resolved from the Authorization header, not a request parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    public OpenAPI antechamberOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Antechamber API").version("v1")
                        .description("Agents check in before they act; humans decide. See API.md."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
