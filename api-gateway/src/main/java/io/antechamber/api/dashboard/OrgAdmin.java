package io.antechamber.api.dashboard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A dashboard handler only an admin of the organization may use ({@link DashboardInterceptor} answers 403 to anyone
 * else). Needed wherever it calls an API controller whose endpoint is {@code ORG_ADMIN}: calling the controller
 * directly skips the API's own check.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface OrgAdmin {
}
