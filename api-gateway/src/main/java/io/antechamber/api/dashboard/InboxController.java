package io.antechamber.api.dashboard;

import org.springframework.web.bind.annotation.GetMapping;

/** The reviewer's inbox at {@code /}: pending check-ins across their rooms. */
@DashboardController
public class InboxController {

    @GetMapping("/")
    public String inbox() {
        return "inbox";
    }
}
