package io.antechamber.api.dashboard.admin;

import io.antechamber.api.dashboard.DashboardProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.ui.Model;

/** What the admin pages share: showing a refusal on the page it came from, and a secret on a page of its own. */
final class AdminPages {

    static final String SECRET_PAGE = "admin/secret";

    private AdminPages() {
    }

    /**
     * The refusal a failure describes, with its status set on the response and put in the model as {@code problem};
     * a failure that is no refusal (a bug) is thrown on, to the error page.
     */
    static DashboardProblem refusal(RuntimeException failure, HttpServletResponse response, Model model) {
        DashboardProblem problem = DashboardProblem.of(failure).orElseThrow(() -> failure);
        response.setStatus(problem.status());
        model.addAttribute("problem", problem);
        return problem;
    }

    /**
     * The page that shows a new key or token this once: answered to the POST that made it, never redirected to, so a
     * reload cannot show it again (and the dashboard sends every page {@code Cache-Control: no-store}).
     */
    static String secret(Model model, String heading, String whose, String secret, String back, String backLabel) {
        model.addAllAttributes(Map.of("heading", heading, "whose", whose, "secret", secret, "back", back,
                "backLabel", backLabel));
        return SECRET_PAGE;
    }
}
