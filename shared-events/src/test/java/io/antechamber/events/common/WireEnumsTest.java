package io.antechamber.events.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antechamber.events.checkin.CheckInStatus;
import io.antechamber.events.policy.ConditionOp;
import io.antechamber.events.policy.TimeoutAction;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WireEnumsTest {

    @Test
    void wireNamesAreTheLowercaseConstantNames() {
        assertThat(WireEnums.wire(TimeoutAction.AUTO_APPROVE)).isEqualTo("auto_approve");
        assertThat(WireEnums.wire(ConditionOp.NOT_IN)).isEqualTo("not_in");
    }

    @Test
    void everyConstantOfEveryKindReadsBackFromItsWireName() {
        for (Class<? extends Enum<?>> type : List.of(CheckInStatus.class, ConditionOp.class,
                TimeoutAction.class)) {
            for (Enum<?> constant : type.getEnumConstants()) {
                assertThat(WireEnums.wire(constant)).isEqualTo(constant.name().toLowerCase(Locale.ROOT));
                assertThat(parse(type, WireEnums.wire(constant))).isSameAs(constant);
            }
        }
    }

    @Test
    void unknownOrMissingNamesReadAsNothing() {
        assertThat(WireEnums.parse(TimeoutAction.class, "AUTO_APPROVE")).isEmpty();
        assertThat(WireEnums.parse(TimeoutAction.class, "approve")).isEmpty();
        assertThat(WireEnums.parse(TimeoutAction.class, null)).isEmpty();
        assertThatThrownBy(() -> WireEnums.require(TimeoutAction.class, "later"))
                .hasMessage("unknown TimeoutAction 'later'");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Enum<?> parse(Class type, String wire) {
        return (Enum<?>) WireEnums.parse(type, wire).orElseThrow();
    }
}
