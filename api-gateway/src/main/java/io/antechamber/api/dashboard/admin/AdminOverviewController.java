package io.antechamber.api.dashboard.admin;

import io.antechamber.api.dashboard.DashboardController;
import io.antechamber.api.dashboard.OrgAdmin;
import io.antechamber.api.dashboard.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /admin}: what an org admin manages, with how many of each there are, linking to each section. */
@DashboardController
@OrgAdmin
public class AdminOverviewController {

    private final AdminDirectory directory;

    public AdminOverviewController(AdminDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/admin")
    public String overview(HttpServletRequest request, Model model) {
        var caller = SignedIn.of(request).caller();
        model.addAttribute("humanCount", directory.humans(caller).size());
        model.addAttribute("agentCount", directory.agents(caller).size());
        model.addAttribute("roomCount", directory.rooms(caller).size());
        return "admin/overview";
    }
}
