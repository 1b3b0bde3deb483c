package io.antechamber.api.admin;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The same checks with room for one open check-in during a rebuild: every other resolution is applied to a row the
 * rebuild already wrote, through the projection's own code. Its application context (other properties, so not the
 * shared one) is closed afterwards rather than left running as an idle second replica.
 */
@DirtiesContext
@TestPropertySource(properties = "antechamber.rebuild.max-open-check-ins=1")
class ProjectionRebuildWithFewOpenCheckInsTest extends ProjectionRebuildTest {
}
