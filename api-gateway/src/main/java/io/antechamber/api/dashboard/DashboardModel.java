package io.antechamber.api.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every dashboard page the signed-in person ({@code signedIn}, null on the sign-in page) for its layout. */
@ControllerAdvice(annotations = DashboardController.class)
public class DashboardModel {

    @ModelAttribute("signedIn")
    SignedIn signedIn(HttpServletRequest request) {
        return request.getAttribute(SignedIn.ATTRIBUTE) instanceof SignedIn signedIn ? signedIn : null;
    }
}
