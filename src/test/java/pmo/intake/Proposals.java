package pmo.intake;

import java.util.HashMap;
import java.util.Map;

/** Test data for the intake process: start variables of a valid proposal. */
public final class Proposals {

  private Proposals() {
  }

  /** The start form's values of a valid proposal sponsored by {@code sponsor}; a mutable map to vary. */
  public static Map<String, Object> startVariables(String title, String sponsor) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(IntakeProcess.TITLE.name(), title);
    vars.put(IntakeProcess.BUSINESS_CASE.name(), "Saves time for customers and staff");
    vars.put(IntakeProcess.SPONSOR.name(), sponsor);
    vars.put(IntakeProcess.CATEGORY.name(), "IT");
    vars.put(IntakeProcess.ESTIMATED_BUDGET.name(), 250000);
    vars.put(IntakeProcess.ESTIMATED_MONTHS.name(), 9);
    vars.put(IntakeProcess.STRATEGIC_OBJECTIVE.name(), "Digital customer experience");
    vars.put(IntakeProcess.EXPECTED_BENEFITS.name(), "Fewer calls to the service desk");
    return vars;
  }
}
