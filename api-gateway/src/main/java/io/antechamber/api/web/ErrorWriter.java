package io.antechamber.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The one place that writes an error in the API.md shape: filters, the MVC exception handler and the Tomcat error
 * report valve all answer through it. It writes JSON whatever the client's {@code Accept} says (an error must reach
 * the client), sets {@code X-Request-Id} when nothing earlier did, and adds {@code details.request_id} to
 * {@code INTERNAL} errors so a report can be matched to the log.
 */
@Component
public class ErrorWriter {

    private final ObjectMapper json;

    public ErrorWriter(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, ApiError code, String message) throws IOException {
        write(response, code, message, Map.of());
    }

    public void write(HttpServletResponse response, ApiError code, String message, Map<String, Object> details)
            throws IOException {
        if (response.getHeader(RequestIdFilter.HEADER) == null) {
            response.setHeader(RequestIdFilter.HEADER, RequestIdFilter.idFor(null));
        }
        Map<String, Object> allDetails = details;
        if (code == ApiError.INTERNAL) {
            allDetails = new LinkedHashMap<>(details);
            allDetails.put("request_id", response.getHeader(RequestIdFilter.HEADER));
        }
        byte[] body = json.writeValueAsBytes(ErrorBody.of(code, message, allDetails));
        if (!response.isCommitted()) {
            response.resetBuffer();
        }
        response.setStatus(code.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        try {
            OutputStream out = response.getOutputStream();
            out.write(body);
            out.flush();
        } catch (IllegalStateException writerInUse) {
            response.getWriter().write(new String(body, StandardCharsets.UTF_8));
            response.getWriter().flush();
        }
    }
}
