package io.antechamber.api.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.antechamber.api.access.PathResourceAccess;
import io.antechamber.events.common.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every failure in Spring MVC, once and centrally, to the error shape of API.md, written by {@link ErrorWriter}
 * (never through content negotiation, so a client that does not accept JSON still learns what went wrong). A refusal
 * of the request's content yields to the 404 or 403 of the resource its path names ({@link PathResourceAccess}).
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ErrorWriter errors;
    private final PathResourceAccess pathResources;

    public ApiExceptionHandler(ErrorWriter errors, PathResourceAccess pathResources) {
        this.errors = errors;
        this.pathResources = pathResources;
    }

    @ExceptionHandler(DomainException.class)
    void domain(DomainException e, HttpServletResponse response) throws IOException {
        // the domain refuses after its own existence and membership checks: its answer stands as it is
        errors.write(response, RefusalMapping.toApiError(e.code()), e.getMessage(), e.details());
    }

    @ExceptionHandler(ApiException.class)
    void api(ApiException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (e.retryAfter() != null) {
            long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        respond(request, response, e.error(), e.getMessage(), e.details());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    void unreadable(HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                respond(request, response, ApiError.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), Map.of());
                return;
            }
            if (cause instanceof InvalidTextException invalid) {
                respond(request, response, ApiError.VALIDATION_ERROR, invalid.getMessage(),
                        Map.of("fields", Map.of(invalid.field(), "contains text that cannot be stored")));
                return;
            }
            if (cause instanceof InvalidFieldsException invalid) {
                respond(request, response, ApiError.VALIDATION_ERROR, invalid.getMessage(),
                        Map.of("fields", invalid.fields()));
                return;
            }
        }
        String message = e.getCause() instanceof JsonParseException
                ? "the request body is not valid JSON"
                : e.getCause() instanceof JsonProcessingException
                        ? "the request body does not have the expected shape"
                        : "a JSON request body is required";
        respond(request, response, ApiError.VALIDATION_ERROR, message, Map.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        respond(request, response, ApiError.VALIDATION_ERROR, "parameter '" + e.getName() + "' has the wrong type",
                Map.of("fields", Map.of(e.getName(), "has the wrong type")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    void missingParameter(MissingServletRequestParameterException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        respond(request, response, ApiError.VALIDATION_ERROR, "parameter '" + e.getParameterName() + "' is required",
                Map.of("fields", Map.of(e.getParameterName(), "is required")));
    }

    /** API.md has no 415: a body in another media type is a validation error on {@code Content-Type}. */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    void mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        respond(request, response, ApiError.VALIDATION_ERROR, "send the body as application/json",
                Map.of("fields", Map.of("Content-Type", "must be application/json")));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    void notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        List<String> supported = e.getSupportedMediaTypes().isEmpty() ? List.of(MediaType.APPLICATION_JSON_VALUE)
                : e.getSupportedMediaTypes().stream().map(MediaType::toString).toList();
        respond(request, response, ApiError.NOT_ACCEPTABLE, "this endpoint answers only " + supported
                + "; send an Accept header that allows it", Map.of("supported", supported));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    void method(HttpRequestMethodNotSupportedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        List<String> allowed = e.getSupportedHttpMethods() == null
                ? List.of() : e.getSupportedHttpMethods().stream().map(Object::toString).toList();
        response.setHeader(HttpHeaders.ALLOW, String.join(", ", allowed));
        respond(request, response, ApiError.METHOD_NOT_ALLOWED, e.getMethod() + " is not allowed here",
                Map.of("allowed", allowed));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class, AggregateNotFoundException.class})
    void notFound(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        respond(request, response, ApiError.NOT_FOUND, "not found", Map.of());
    }

    @ExceptionHandler({ConcurrencyException.class, DuplicateKeyException.class})
    void conflict(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        respond(request, response, ApiError.CONFLICT, "a concurrent change won; reload and retry", Map.of());
    }

    @ExceptionHandler(CompletionException.class)
    void completion(CompletionException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (e.getCause() instanceof Exception cause) {
            dispatch(cause, request, response);
        } else {
            internal(e, request, response);
        }
    }

    /**
     * Spring's own refusals of a request (missing headers, unsatisfied parameter conditions, ...) keep their 4xx
     * status; anything else is a bug.
     */
    @ExceptionHandler(Exception.class)
    void internal(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (e instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
            ApiError code = ApiError.forStatus(refusal.getStatusCode().value());
            String detail = refusal.getBody().getDetail();
            respond(request, response, code, detail == null || detail.isBlank() ? "the request was refused" : detail,
                    Map.of());
            return;
        }
        log.error("unhandled failure (request {})", response.getHeader(RequestIdFilter.HEADER), e);
        errors.write(response, ApiError.INTERNAL, "internal error; quote request_id when reporting it");
    }

    private void dispatch(Exception cause, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (cause instanceof DomainException e) {
            domain(e, response);
        } else if (cause instanceof ApiException e) {
            api(e, request, response);
        } else if (cause instanceof AggregateNotFoundException e) {
            notFound(e, request, response);
        } else if (cause instanceof ConcurrencyException || cause instanceof DuplicateKeyException) {
            conflict(cause, request, response);
        } else {
            internal(cause, request, response);
        }
    }

    private void respond(HttpServletRequest request, HttpServletResponse response, ApiError code, String message,
            Map<String, Object> details) throws IOException {
        if (code == ApiError.VALIDATION_ERROR || code == ApiError.PAYLOAD_TOO_LARGE) {
            Optional<ApiException> first = pathResources.refusalBeforeContent(request);
            if (first.isPresent()) {
                errors.write(response, first.get().error(), first.get().getMessage(), first.get().details());
                return;
            }
        }
        errors.write(response, code, message, details);
    }
}
