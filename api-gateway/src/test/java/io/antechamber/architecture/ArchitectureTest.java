package io.antechamber.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.antechamber.api.access.ActsOn;
import io.antechamber.api.auth.Auth;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.dashboard.DashboardController;
import io.antechamber.api.dashboard.OrgAdmin;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The module rules of DESIGN.md, checked on every build. */
@AnalyzeClasses(packages = "io.antechamber", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule query_side_never_uses_the_command_side = noClasses()
            .that().resideInAPackage("io.antechamber.query..")
            .should().dependOnClassesThat().resideInAPackage("io.antechamber.command..");

    @ArchTest
    static final ArchRule command_side_never_uses_the_query_side = noClasses()
            .that().resideInAPackage("io.antechamber.command..")
            .should().dependOnClassesThat().resideInAPackage("io.antechamber.query..");

    /** The events' JSON form (io.antechamber.events.json) is the one place in shared-events that uses databind. */
    @ArchTest
    static final ArchRule shared_events_import_no_framework_but_annotations = noClasses()
            .that().resideInAPackage("io.antechamber.events..")
            .and().resideOutsideOfPackage("io.antechamber.events.json..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..",
                    "com.fasterxml.jackson.databind..", "io.antechamber.command..", "io.antechamber.query..",
                    "io.antechamber.api..");

    @ArchTest
    static final ArchRule the_events_json_form_uses_no_framework_but_jackson = noClasses()
            .that().resideInAPackage("io.antechamber.events.json..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..",
                    "org.axonframework..", "io.antechamber.command..", "io.antechamber.query..", "io.antechamber.api..");

    /** The offline verifier runs from its own jar on an auditor's machine: the JDK, Jackson and RFC 8785 only. */
    @ArchTest
    static final ArchRule the_verifier_is_plain_java = classes()
            .that().resideInAPackage("io.antechamber.verify..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.fasterxml.jackson..",
                    "org.erdtman.jcs..", "io.antechamber.verify..");

    /**
     * The MCP tools act through the Java client with the caller's key, never on the service's insides: a tool can do
     * exactly what the API lets that agent do, and the same tools run outside the server (stdio).
     */
    @ArchTest
    static final ArchRule the_mcp_tools_reach_the_service_only_through_the_client = noClasses()
            .that().resideInAPackage("io.antechamber.mcp..")
            .should().dependOnClassesThat().resideInAnyPackage("io.antechamber.api..", "io.antechamber.command..",
                    "io.antechamber.query..", "io.antechamber.events..", "org.springframework..", "jakarta..");

    @ArchTest
    static final ArchRule aggregates_import_no_spring = noClasses()
            .that().containAnyFieldsThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "annotated with @AggregateIdentifier", f -> f.isAnnotatedWith(AggregateIdentifier.class)))
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule the_policy_engine_is_pure = noClasses()
            .that().resideInAPackage("io.antechamber.command.policy..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..");

    @ArchTest
    static final ArchRule controllers_reach_the_domain_only_through_gateways = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().resideInAnyPackage("io.antechamber.command..",
                    "org.springframework.jdbc..", "org.axonframework.modelling..",
                    "org.axonframework.eventsourcing..");

    @ArchTest
    static final ArchRule every_endpoint_declares_who_may_call_it = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
            .and().arePublic()
            .and(DescribedPredicate.describe("are mapped to a path", (JavaMethod method) ->
                    method.isAnnotatedWith(org.springframework.web.bind.annotation.GetMapping.class)
                            || method.isAnnotatedWith(org.springframework.web.bind.annotation.PostMapping.class)
                            || method.isAnnotatedWith(org.springframework.web.bind.annotation.PutMapping.class)
                            || method.isAnnotatedWith(org.springframework.web.bind.annotation.DeleteMapping.class)))
            .should().beAnnotatedWith(Auth.class);

    /**
     * A dashboard page calls the API's controllers directly, past the API's own role check: one that calls an
     * org-admin endpoint must itself be for org admins (ADR 0020).
     */
    @ArchTest
    static final ArchRule dashboard_pages_that_call_admin_endpoints_are_for_admins = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(DashboardController.class)
            .should(new ArchCondition<JavaMethod>("be @OrgAdmin, or in an @OrgAdmin class, when they call an "
                    + "ORG_ADMIN endpoint") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    boolean forAdmins = method.isAnnotatedWith(OrgAdmin.class)
                            || method.getOwner().isAnnotatedWith(OrgAdmin.class);
                    for (JavaMethodCall call : method.getMethodCallsFromSelf()) {
                        call.getTarget().resolveMember()
                                .filter(target -> target.isAnnotatedWith(Auth.class)
                                        && target.getAnnotationOfType(Auth.class).value() == AuthMode.ORG_ADMIN)
                                .filter(target -> !forAdmins)
                                .ifPresent(target -> events.add(SimpleConditionEvent.violated(method,
                                        method.getFullName() + " calls the admin endpoint " + target.getFullName())));
                    }
                }
            });

    @ArchTest
    static final ArchRule controllers_live_in_the_gateway = classes()
            .that().areAnnotatedWith(RestController.class)
            .should().resideInAPackage("io.antechamber.api..");

    /** Without it, a bad body on another org's resource would answer 400 instead of 404 (docs/security.md). */
    @ArchTest
    static final ArchRule endpoints_with_a_path_resource_and_a_body_or_query_name_the_resource = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
            .should(new ArchCondition<JavaMethod>("be annotated with @ActsOn when they take a path variable and a "
                    + "request body or query parameters") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    boolean path = method.getParameters().stream().anyMatch(p -> p.isAnnotatedWith(PathVariable.class));
                    boolean content = method.getParameters().stream().anyMatch(p -> p.isAnnotatedWith(RequestBody.class)
                            || p.isAnnotatedWith(RequestParam.class));
                    boolean satisfied = !(path && content) || method.isAnnotatedWith(ActsOn.class);
                    events.add(new SimpleConditionEvent(method, satisfied, method.getFullName()
                            + (satisfied ? " names its path resource" : " does not name its path resource (@ActsOn)")));
                }
            });
}
