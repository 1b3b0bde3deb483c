package io.antechamber.api.support;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/**
 * The endpoints served by servlets of their own, outside Spring MVC's handler mapping (the MCP endpoint at
 * {@code /mcp}), as {@code "POST <mapping>"}: such a servlet takes its requests by POST. Tests that read the served
 * endpoints from the handler mapping add these, so a new servlet is accounted for too.
 */
public final class OwnServlets {

    private OwnServlets() {
    }

    /** {@code registrations}: the application's {@link ServletRegistrationBean}s. */
    @SuppressWarnings("rawtypes")
    public static Set<String> endpoints(Collection<ServletRegistrationBean> registrations) {
        Set<String> endpoints = new TreeSet<>();
        for (ServletRegistrationBean registration : registrations) {
            if (!(registration instanceof DispatcherServletRegistrationBean)) {
                for (Object mapping : registration.getUrlMappings()) {
                    endpoints.add("POST " + mapping);
                }
            }
        }
        return endpoints;
    }
}
