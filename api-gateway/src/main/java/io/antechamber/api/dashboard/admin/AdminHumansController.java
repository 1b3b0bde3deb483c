package io.antechamber.api.dashboard.admin;

import io.antechamber.api.auth.Caller;
import io.antechamber.api.auth.Secret;
import io.antechamber.api.dashboard.DashboardController;
import io.antechamber.api.dashboard.OrgAdmin;
import io.antechamber.api.dashboard.SignedIn;
import io.antechamber.api.identity.HumanController;
import io.antechamber.api.identity.HumanController.AddHumanRequest;
import io.antechamber.api.identity.HumanController.ChangeRoleRequest;
import io.antechamber.api.identity.HumanController.HumanCreatedJson;
import io.antechamber.api.identity.HumanJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/humans}: the org's people and their roles; adding one, changing a role, rotating a key, deactivating.
 * Every change goes through {@link HumanController}, so the Organization's rules hold here too (the last admin can be
 * neither demoted nor removed: the 409 is shown on the page).
 */
@DashboardController
@OrgAdmin
public class AdminHumansController {

    private final HumanController humans;
    private final AdminDirectory directory;

    public AdminHumansController(HumanController humans, AdminDirectory directory) {
        this.humans = humans;
        this.directory = directory;
    }

    @GetMapping("/admin/humans")
    public String list(HttpServletRequest request, Model model) {
        return page(SignedIn.of(request).caller(), model);
    }

    /** The new key is answered on this response only. */
    @PostMapping("/admin/humans")
    public String add(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "reviewer") String role, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Caller caller = SignedIn.of(request).caller();
        HumanCreatedJson created;
        try {
            created = humans.add(caller, new AddHumanRequest(name.strip(), email.isBlank() ? null : email.strip(),
                    role)).data();
        } catch (RuntimeException e) {
            AdminPages.refusal(e, response, model);
            model.addAttribute("form", new AddForm(name, email, role));
            return page(caller, model);
        }
        response.setStatus(HttpServletResponse.SC_CREATED);
        return AdminPages.secret(model, "Human added", created.human().name(), Secret.valueOf(created.apiKey()),
                "/admin/humans", "Back to humans");
    }

    @PostMapping("/admin/humans/{id}/role")
    public String changeRole(@PathVariable String id, @RequestParam(defaultValue = "") String role,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Caller caller = SignedIn.of(request).caller();
        try {
            humans.changeRole(caller, id, new ChangeRoleRequest(role));
        } catch (RuntimeException e) {
            AdminPages.refusal(e, response, model);
            model.addAttribute("problemFor", id);
            return page(caller, model);
        }
        return "redirect:/admin/humans";
    }

    /** The new key is answered on this response only; the old one, and the sessions opened with it, end at once. */
    @PostMapping("/admin/humans/{id}/rotate-key")
    public String rotateKey(@PathVariable String id, HttpServletRequest request, Model model) {
        Caller caller = SignedIn.of(request).caller();
        HumanJson human = humans.get(caller, id).data();
        String key = Secret.valueOf(humans.rotateKey(caller, id).data().apiKey());
        return AdminPages.secret(model, "New key", human.name(), key, "/admin/humans", "Back to humans");
    }

    @PostMapping("/admin/humans/{id}/deactivate")
    public String deactivate(@PathVariable String id, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Caller caller = SignedIn.of(request).caller();
        try {
            humans.deactivate(caller, id);
        } catch (RuntimeException e) {
            AdminPages.refusal(e, response, model);
            model.addAttribute("problemFor", id);
            return page(caller, model);
        }
        return "redirect:/admin/humans";
    }

    private String page(Caller caller, Model model) {
        model.addAttribute("humans", directory.humans(caller));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new AddForm("", "", "reviewer"));
        }
        return "admin/humans";
    }

    /** What the add form shows again after a refusal. */
    public record AddForm(String name, String email, String role) {
    }
}
