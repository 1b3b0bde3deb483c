package io.antechamber.api.fuzz;

import io.antechamber.api.dashboard.DashboardController;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the running application maps, read from Spring's own handler mapping, so endpoints added later are
 * fuzzed without anyone listing them. Streaming endpoints (SSE, emitters) are left out: they never finish. So are
 * the dashboard's pages: they answer HTML pages, not the API's JSON errors. The MCP endpoint is a servlet of its own
 * speaking JSON-RPC, whose errors after authentication are JSON-RPC's, not the API's shape: McpHttpTest sends it
 * hostile bodies.
 */
final class Endpoints {

    private static final List<String> ANY_METHOD = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private Endpoints() {
    }

    static List<Endpoint> of(ApplicationContext context) {
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        return mapping.getHandlerMethods().entrySet().stream()
                .filter(e -> !isStreaming(e.getKey(), e.getValue()))
                .filter(e -> !e.getValue().getBeanType().isAnnotationPresent(DashboardController.class))
                .flatMap(e -> endpoints(e.getKey()))
                .distinct()
                .sorted(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method))
                .toList();
    }

    private static Stream<Endpoint> endpoints(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        List<String> names = methods.isEmpty() ? ANY_METHOD : methods.stream().map(RequestMethod::name).toList();
        return info.getPatternValues().stream().flatMap(pattern -> names.stream().map(m -> Endpoint.of(m, pattern)));
    }

    private static boolean isStreaming(RequestMappingInfo info, HandlerMethod handler) {
        return info.getProducesCondition().getProducibleMediaTypes().contains(MediaType.TEXT_EVENT_STREAM)
                || ResponseBodyEmitter.class.isAssignableFrom(handler.getReturnType().getParameterType())
                || handler.getReturnType().getParameterType().getName().startsWith("reactor.core.publisher.");
    }
}
