package pmo.project;

/** Optional filters of the project list; null means any. */
public record ProjectFilter(Stage stage, ProjectStatus status, String manager, String category) {

  public static ProjectFilter any() {
    return new ProjectFilter(null, null, null, null);
  }
}
