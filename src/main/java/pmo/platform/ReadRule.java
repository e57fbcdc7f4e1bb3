package pmo.platform;

import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who reads which cases of one kind on {@code /api}, written once as SQL so that lists, counts and single reads agree:
 * members of {@code readAll} read every case; everybody else only the cases for which {@code namedCondition} (over the
 * case table, with the reader's user id as {@code :viewer}) holds, such as the ones they raised, own or whose project
 * they manage or sponsor.
 */
public record ReadRule(Set<String> readAll, String namedCondition) {

  /** Restricts a list query to the cases the viewer may see. */
  public SqlFilter restrict(SqlFilter filter, Viewer viewer) {
    return viewer.inAny(readAll) ? filter : filter.and(namedCondition, "viewer", viewer.id());
  }

  /** Whether the viewer may see the case {@code id} of {@code table}. */
  public boolean sees(JdbcClient jdbc, String table, long id, Viewer viewer) {
    if (viewer.inAny(readAll)) {
      return true;
    }
    return jdbc.sql("select count(*) from " + table + " where id = :id and " + namedCondition)
        .param("id", id).param("viewer", viewer.id()).query(Long.class).single() > 0;
  }

  /** The condition that names the viewer's own projects (as manager or sponsor). */
  public static final String OWN_PROJECT =
      "project_id in (select p.id from project p where p.manager = :viewer or p.sponsor = :viewer)";
}
