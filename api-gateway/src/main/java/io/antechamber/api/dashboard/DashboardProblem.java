package io.antechamber.api.dashboard;

import io.antechamber.api.web.ApiError;
import io.antechamber.api.web.ApiException;
import io.antechamber.api.web.RefusalMapping;
import io.antechamber.events.common.DomainException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.ErrorResponse;

/**
 * A refusal shown on a dashboard page: the API's error code, status and message, and the bad fields by name, so a
 * form can show each problem beside its control. Built from what the API's controllers and the domain throw.
 */
public record DashboardProblem(ApiError error, String message, Map<String, String> fields) {

    /** The problem a refusal describes, or empty for a failure that is not a refusal (a bug: a 500). */
    public static Optional<DashboardProblem> of(Throwable failure) {
        Throwable e = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (e instanceof ApiException api) {
            return Optional.of(new DashboardProblem(api.error(), api.getMessage(), fields(api.details())));
        }
        if (e instanceof DomainException domain) {
            return Optional.of(new DashboardProblem(RefusalMapping.toApiError(domain.code()), domain.getMessage(),
                    fields(domain.details())));
        }
        if (e instanceof ConcurrencyException) {
            return Optional.of(new DashboardProblem(ApiError.CONFLICT, "a concurrent change won; reload and retry",
                    Map.of()));
        }
        if (e instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
            String detail = refusal.getBody().getDetail();
            return Optional.of(new DashboardProblem(ApiError.forStatus(refusal.getStatusCode().value()),
                    detail == null || detail.isBlank() ? "the request was refused" : detail, Map.of()));
        }
        if (e instanceof TypeMismatchException mismatch) {
            String name = mismatch.getPropertyName();
            return Optional.of(new DashboardProblem(ApiError.VALIDATION_ERROR,
                    (name == null ? "a parameter" : "'" + name + "'") + " has the wrong type",
                    name == null ? Map.of() : Map.of(name, "has the wrong type")));
        }
        if (e instanceof CsrfRefusedException csrf) {
            return Optional.of(new DashboardProblem(ApiError.FORBIDDEN, csrf.getMessage(), Map.of()));
        }
        return Optional.empty();
    }

    public int status() {
        return error.status();
    }

    private static Map<String, String> fields(Map<String, Object> details) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (details != null && details.get("fields") instanceof Map<?, ?> named) {
            named.forEach((name, problem) -> fields.put(String.valueOf(name), String.valueOf(problem)));
        }
        return fields;
    }
}
