package io.antechamber.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses, before the handler runs, an {@code Accept} header that its JSON answer cannot satisfy. Spring negotiates
 * only when it writes the answer, after the handler has run: a rotated key was issued, stored and then answered 406,
 * lost to the client. An endpoint that answers anything but JSON declares it ({@code produces} on its mapping) and
 * is negotiated by Spring's mapping instead, also before it runs.
 */
@Component
public class AcceptHeaderInterceptor implements HandlerInterceptor {

    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON);

    /** Spring MVC's default strategy here: the Accept header alone. */
    private final ContentNegotiationManager negotiation = new ContentNegotiationManager();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (!(handler instanceof HandlerMethod method) || method.isVoid()
                || request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) != null) {
            return true;
        }
        List<MediaType> accepted = negotiation.resolveMediaTypes(new ServletWebRequest(request));
        if (accepted.stream().noneMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON))) {
            throw new HttpMediaTypeNotAcceptableException(JSON);
        }
        return true;
    }
}
