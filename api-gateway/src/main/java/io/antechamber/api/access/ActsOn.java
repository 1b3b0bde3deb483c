package io.antechamber.api.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the resource an endpoint's path addresses. A request refused for its content (a 400 or 413 on its body or
 * query) is answered as if existence and access had been checked first: 404 when the resource is not in the
 * caller's organization, 403 when {@link #asMember} and the caller may not act in its room ({@link PathResourceAccess}).
 * Every endpoint with a path variable and a body or query parameters carries one (ArchitectureTest checks).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ActsOn {

    PathResource value();

    /** Whether only members of the room (for a check-in: of its room, or its participants) may act on it. */
    boolean asMember() default false;
}
