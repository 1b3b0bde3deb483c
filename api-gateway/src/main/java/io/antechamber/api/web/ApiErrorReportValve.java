package io.antechamber.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces Tomcat's HTML error page. Every error that no servlet answered reaches it: what Tomcat refuses before the
 * application sees the request (request lines, headers, paths it cannot decode or normalise, unsupported protocol
 * versions and transfer codings), a {@code sendError} nobody wrote a body for, and exceptions that escaped the
 * filters. Each is answered in the API.md shape through {@link ErrorWriter}.
 */
public class ApiErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorReportValve.class);
    /** Tomcat says "header too large" only in the text of a 400; its own message is the way to recognise it. */
    private static final String HEADERS_TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
            .getString("iib.requestheadertoolarge.error");

    private final ErrorWriter errors;

    public ApiErrorReportValve(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (response.getStatus() < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        if (response.getHeader(RequestIdFilter.HEADER) == null) {
            response.setHeader(RequestIdFilter.HEADER, RequestIdFilter.idFor(request.getHeader(RequestIdFilter.HEADER)));
        }
        ApiError error = isHeadersTooLarge(response, throwable)
                ? ApiError.HEADERS_TOO_LARGE : ApiError.forStatus(response.getStatus());
        if (error == ApiError.INTERNAL) {
            log.error("unhandled failure (request {})", response.getHeader(RequestIdFilter.HEADER), throwable);
        }
        try {
            errors.write(response, error, message(error, request.getMethod()), details(error, response));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            log.debug("could not write the error for request {}", response.getHeader(RequestIdFilter.HEADER), e);
        }
    }

    private static boolean isHeadersTooLarge(Response response, Throwable throwable) {
        return response.getStatus() == HttpServletResponse.SC_BAD_REQUEST && throwable != null
                && HEADERS_TOO_LARGE.equals(throwable.getMessage());
    }

    private static String message(ApiError error, String method) {
        return switch (error) {
            case HEADERS_TOO_LARGE -> "the request line and headers are larger than this server accepts";
            case NOT_FOUND -> "not found";
            case METHOD_NOT_ALLOWED -> (method == null ? "this method" : method) + " is not allowed here";
            case PAYLOAD_TOO_LARGE -> "the request body is larger than this server accepts";
            case UNAVAILABLE -> "the server cannot serve requests right now; retry later";
            case INTERNAL -> "internal error; quote request_id when reporting it";
            default -> "the request is malformed: its request line, path, headers or framing cannot be accepted";
        };
    }

    private static Map<String, Object> details(ApiError error, Response response) {
        if (error != ApiError.METHOD_NOT_ALLOWED) {
            return Map.of();
        }
        String allow = response.getHeader("Allow");
        List<String> allowed = allow == null ? List.of()
                : Arrays.stream(allow.split(",")).map(String::trim).filter(m -> !m.isEmpty()).toList();
        return Map.of("allowed", allowed);
    }
}
