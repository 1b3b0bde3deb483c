package io.antechamber.api.dashboard;

import io.antechamber.api.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Shows a dashboard handler's failure as a page (template {@code error}) with the API's status, instead of the API's
 * JSON error. Ordered before the API's handler, which would otherwise take every failure.
 */
@ControllerAdvice(annotations = DashboardController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DashboardErrors {

    private static final Logger log = LoggerFactory.getLogger(DashboardErrors.class);

    @ExceptionHandler(Exception.class)
    ModelAndView failure(Exception e, HttpServletResponse response) {
        DashboardProblem problem = DashboardProblem.of(e).orElse(null);
        ModelAndView page = new ModelAndView("error");
        if (problem == null) {
            log.error("unhandled dashboard failure (request {})", response.getHeader(RequestIdFilter.HEADER), e);
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            page.addObject("heading", "Something went wrong");
            page.addObject("message", "An internal error; quote request " + response.getHeader(RequestIdFilter.HEADER)
                    + " when reporting it.");
            return page;
        }
        response.setStatus(problem.status());
        page.addObject("heading", switch (problem.status()) {
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "Already changed";
            default -> "Could not do that";
        });
        page.addObject("message", problem.message());
        page.addObject("fields", problem.fields());
        return page;
    }
}
