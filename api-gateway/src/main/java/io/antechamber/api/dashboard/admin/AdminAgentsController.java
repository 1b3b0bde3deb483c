package io.antechamber.api.dashboard.admin;

import io.antechamber.api.auth.Caller;
import io.antechamber.api.auth.Secret;
import io.antechamber.api.dashboard.DashboardController;
import io.antechamber.api.dashboard.OrgAdmin;
import io.antechamber.api.dashboard.SignedIn;
import io.antechamber.api.identity.AgentController;
import io.antechamber.api.identity.AgentController.AgentRegisteredJson;
import io.antechamber.api.identity.AgentController.ClaimRequest;
import io.antechamber.api.identity.AgentController.RegisterAgentRequest;
import io.antechamber.api.identity.AgentJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/agents}: the org's agents; claiming a self-registered one by its claim token, registering one,
 * rotating a key and deactivating, each through {@link AgentController}. A claim token is read from the form once and
 * never shown back, not even after a refusal.
 */
@DashboardController
@OrgAdmin
public class AdminAgentsController {

    private final AgentController agents;
    private final AdminDirectory directory;

    public AdminAgentsController(AgentController agents, AdminDirectory directory) {
        this.agents = agents;
        this.directory = directory;
    }

    /** {@code ?claimed=} names the agent just claimed, for the notice after the claim's redirect. */
    @GetMapping("/admin/agents")
    public String list(@RequestParam(required = false) String claimed, HttpServletRequest request, Model model) {
        model.addAttribute("claimed", claimed);
        return page(SignedIn.of(request).caller(), model);
    }

    @PostMapping("/admin/agents/claim")
    public String claim(@RequestParam(name = "claim_token", defaultValue = "") String claimToken,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Caller caller = SignedIn.of(request).caller();
        AgentJson claimed;
        try {
            claimed = agents.claim(caller, new ClaimRequest(new Secret(claimToken.strip()))).data().agent();
        } catch (RuntimeException e) {
            AdminPages.refusal(e, response, model);
            model.addAttribute("problemFor", "claim");
            return page(caller, model);
        }
        return "redirect:/admin/agents?claimed=" + claimed.id();
    }

    /** The new agent's key is answered on this response only. */
    @PostMapping("/admin/agents")
    public String register(@RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String description, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Caller caller = SignedIn.of(request).caller();
        AgentRegisteredJson registered;
        try {
            registered = agents.register(caller, new RegisterAgentRequest(name.strip(),
                    description.isBlank() ? null : description.strip())).data();
        } catch (RuntimeException e) {
            AdminPages.refusal(e, response, model);
            model.addAttribute("problemFor", "register");
            model.addAttribute("registerName", name);
            model.addAttribute("registerDescription", description);
            return page(caller, model);
        }
        response.setStatus(HttpServletResponse.SC_CREATED);
        return AdminPages.secret(model, "Agent registered", registered.agent().name(),
                Secret.valueOf(registered.apiKey()), "/admin/agents", "Back to agents");
    }

    /** The new key is answered on this response only; the old one stops working at once. */
    @PostMapping("/admin/agents/{id}/rotate-key")
    public String rotateKey(@PathVariable String id, HttpServletRequest request, Model model) {
        Caller caller = SignedIn.of(request).caller();
        AgentJson agent = agents.get(caller, id).data();
        String key = Secret.valueOf(agents.rotateKey(caller, id).data().apiKey());
        return AdminPages.secret(model, "New key", agent.name(), key, "/admin/agents", "Back to agents");
    }

    @PostMapping("/admin/agents/{id}/deactivate")
    public String deactivate(@PathVariable String id, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Caller caller = SignedIn.of(request).caller();
        agents.get(caller, id);
        try {
            agents.deactivate(caller, id);
        } catch (RuntimeException e) {
            AdminPages.refusal(e, response, model);
            model.addAttribute("problemFor", id);
            return page(caller, model);
        }
        return "redirect:/admin/agents";
    }

    private String page(Caller caller, Model model) {
        model.addAttribute("agents", directory.agents(caller));
        return "admin/agents";
    }
}
