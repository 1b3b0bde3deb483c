package io.antechamber.events.identity;

/** Events of the Organization aggregate (an org and the people in it). */
public sealed interface OrganizationEvent permits OrganizationCreated, HumanEvent {
}
