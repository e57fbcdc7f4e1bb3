package pmo.audit;

import pmo.platform.AuditAction;

/** An audit action made up by a test or a benchmark (the application's own are enums of their capabilities). */
public record TestAction(String name, String entityType) implements AuditAction {
}
