package io.antechamber.api.dashboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Controller;

/**
 * A controller of the web dashboard: its pages need a signed-in person ({@link DashboardInterceptor}) unless marked
 * {@link SignedOut}, every unsafe request carries the session's CSRF token, and its errors are pages
 * ({@link DashboardErrors}), not the API's JSON.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface DashboardController {
}
