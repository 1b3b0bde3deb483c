package io.antechamber.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.antechamber.events.delivery.DeliveryEvent;
import io.antechamber.events.identity.AgentSelfRegistered;
import io.antechamber.events.identity.UnclaimedAgentRemoved;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/**
 * The audit mapping covers the whole language: every event class of shared-events (every class with a
 * {@code @Revision}, which is what makes a class a stored event here) becomes an entry or is left out by name.
 */
class AuditMappingTest {

    private static final List<Class<?>> EVENT_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.antechamber.events").stream()
            .filter(c -> c.isAnnotatedWith(Revision.class))
            .map(JavaClass::reflect)
            .collect(Collectors.toList());

    @Test
    void every_event_class_is_audited_or_left_out_by_name() {
        assertThat(EVENT_CLASSES).hasSizeGreaterThan(40);
        List<String> neither = EVENT_CLASSES.stream()
                .filter(c -> !isAudited(c) && !AuditMapping.isLeftOut(c))
                .map(Class::getName).toList();
        assertThat(neither).as("event classes with no audit mapping: map them in AuditMapping").isEmpty();
    }

    @Test
    void only_events_of_no_organization_and_webhook_deliveries_are_left_out() {
        Set<Class<?>> leftOut = EVENT_CLASSES.stream().filter(c -> !isAudited(c))
                .collect(Collectors.toSet());
        assertThat(leftOut).allMatch(c -> c == AgentSelfRegistered.class || c == UnclaimedAgentRemoved.class
                || DeliveryEvent.class.isAssignableFrom(c));
        assertThat(EVENT_CLASSES).filteredOn(AuditMappingTest::isAudited).noneMatch(AuditMapping::isLeftOut);
    }

    @Test
    void the_fields_a_rule_shows_elsewhere_are_fields_of_its_event() {
        for (Class<?> type : EVENT_CLASSES.stream().filter(AuditMappingTest::isAudited).toList()) {
            assertThat(fieldNames(type)).as(type.getSimpleName())
                    .containsAll(AuditMapping.shownElsewhere(type));
        }
    }

    /** Key hashes are stripped by their suffix: a field that holds a hash must be named so. */
    @Test
    void every_field_holding_a_hash_is_named_with_the_suffix_the_changes_strip() {
        for (Class<?> type : EVENT_CLASSES.stream().filter(AuditMappingTest::isAudited).toList()) {
            assertThat(fieldNames(type)).as(type.getSimpleName())
                    .filteredOn(name -> name.contains("hash"))
                    .allMatch(name -> name.endsWith("_hash"));
        }
    }

    @Test
    void actions_are_dotted_lowercase_names() {
        assertThat(AuditMapping.ACTIONS).hasSize(36).allMatch(action -> action.matches("[a-z_]+\\.[a-z_]+"));
    }

    private static boolean isAudited(Class<?> type) {
        return AuditMapping.auditedClasses().contains(type);
    }

    private static List<String> fieldNames(Class<?> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .map(AuditMappingTest::snakeCase).toList();
    }

    private static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
