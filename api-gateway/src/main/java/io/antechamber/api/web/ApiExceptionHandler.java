package io.antechamber.api.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.antechamber.events.common.DomainException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps every failure, once and centrally, to the error shape of API.md. Nothing else writes errors in MVC. */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ErrorBody> domain(DomainException e) {
        return respond(RefusalMapping.toApiError(e.code()), e.getMessage(), e.details());
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorBody> api(ApiException e) {
        if (e.retryAfter() != null) {
            long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
            return ResponseEntity.status(e.error().status()).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .body(ErrorBody.of(e.error(), e.getMessage(), e.details()));
        }
        return respond(e.error(), e.getMessage(), e.details());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return respond(ApiError.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), Map.of());
            }
            if (cause instanceof InvalidTextException invalid) {
                return respond(ApiError.VALIDATION_ERROR, invalid.getMessage(),
                        Map.of("fields", Map.of(invalid.field(), "contains text that cannot be stored")));
            }
            if (cause instanceof InvalidFieldsException invalid) {
                return respond(ApiError.VALIDATION_ERROR, invalid.getMessage(), Map.of("fields", invalid.fields()));
            }
        }
        String message = e.getCause() instanceof JsonParseException
                ? "the request body is not valid JSON"
                : e.getCause() instanceof JsonProcessingException
                        ? "the request body does not have the expected shape"
                        : "a JSON request body is required";
        return respond(ApiError.VALIDATION_ERROR, message, Map.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(ApiError.VALIDATION_ERROR, "parameter '" + e.getName() + "' has the wrong type",
                Map.of("fields", Map.of(e.getName(), "has the wrong type")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorBody> missingParameter(MissingServletRequestParameterException e) {
        return respond(ApiError.VALIDATION_ERROR, "parameter '" + e.getParameterName() + "' is required",
                Map.of("fields", Map.of(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(ApiError.VALIDATION_ERROR, "send the body as application/json",
                Map.of("fields", Map.of("Content-Type", "must be application/json")));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(ErrorBody.of("METHOD_NOT_ALLOWED", 405,
                e.getMethod() + " is not allowed here", Map.of("allowed", e.getSupportedHttpMethods() == null
                        ? List.of() : e.getSupportedHttpMethods().stream().map(Object::toString).toList())));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class, AggregateNotFoundException.class})
    ResponseEntity<ErrorBody> notFound(Exception e) {
        return respond(ApiError.NOT_FOUND, "not found", Map.of());
    }

    @ExceptionHandler({ConcurrencyException.class, DuplicateKeyException.class})
    ResponseEntity<ErrorBody> conflict(Exception e) {
        return respond(ApiError.CONFLICT, "a concurrent change won; reload and retry", Map.of());
    }

    @ExceptionHandler(CompletionException.class)
    ResponseEntity<ErrorBody> completion(CompletionException e) throws Exception {
        if (e.getCause() instanceof Exception cause) {
            return dispatch(cause);
        }
        return internal(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> internal(Exception e) {
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        log.error("unhandled failure (request {})", requestId, e);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("request_id", requestId);
        return respond(ApiError.INTERNAL, "internal error; quote request_id when reporting it", details);
    }

    private ResponseEntity<ErrorBody> dispatch(Exception cause) {
        if (cause instanceof DomainException e) {
            return domain(e);
        }
        if (cause instanceof ApiException e) {
            return api(e);
        }
        if (cause instanceof AggregateNotFoundException e) {
            return notFound(e);
        }
        if (cause instanceof ConcurrencyException || cause instanceof DuplicateKeyException) {
            return conflict(cause);
        }
        return internal(cause);
    }

    private static ResponseEntity<ErrorBody> respond(ApiError code, String message, Map<String, Object> details) {
        return ResponseEntity.status(code.status()).body(ErrorBody.of(code, message, details));
    }
}
