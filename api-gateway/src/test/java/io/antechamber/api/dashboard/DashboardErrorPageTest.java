package io.antechamber.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.support.DashboardClient;
import io.antechamber.api.support.DashboardClient.Page;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi.Org;
import io.antechamber.api.support.TestApi.Room;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

class DashboardErrorPageTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void a_refused_page_says_why_with_the_apis_status() {
        Org org = api.newOrg();
        Org other = api.newOrg();
        Room theirs = api.newRoom(other, "theirs");
        DashboardClient browser = new DashboardClient(port);
        browser.signIn(org.humanKey());

        Page missing = browser.get("/rooms/" + theirs.id() + "/policy");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.document().select("h1").text()).isEqualTo("Not found");
        assertThat(missing.document().title()).isEqualTo("Not found · Antechamber");
        assertThat(missing.document().select("[role=alert]").text()).isNotBlank();
    }

    @Test
    void a_parameter_of_the_wrong_type_is_a_bad_request_not_a_server_error() {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "typed");
        DashboardClient browser = new DashboardClient(port);
        browser.signIn(org.humanKey());

        Page page = browser.get("/rooms/" + room.id() + "/policy/version?shown=seven");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.document().select("[role=alert]").text()).isEqualTo("'shown' has the wrong type");
    }
}
