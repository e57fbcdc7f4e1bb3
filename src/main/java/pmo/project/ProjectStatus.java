package pmo.project;

public enum ProjectStatus {
  ACTIVE, ON_HOLD, CANCELLED, COMPLETED
}
