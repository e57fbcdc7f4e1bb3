package pmo.project;

/**
 * Published (synchronously, inside the registering transaction) when a project has been registered with its baseline
 * version 1. The stage-gate capability starts the project's lifecycle from it, so the registration and the lifecycle
 * start commit or fail together.
 */
public record ProjectRegistered(long projectId) {
}
