package io.antechamber.api.admin;

import org.springframework.test.context.TestPropertySource;

/**
 * The same checks with room for one open check-in during a rebuild: every other resolution is applied to a row the
 * rebuild already wrote, through the projection's own handler.
 */
@TestPropertySource(properties = "antechamber.rebuild.max-open-check-ins=1")
class ProjectionRebuildWithFewOpenCheckInsTest extends ProjectionRebuildTest {
}
