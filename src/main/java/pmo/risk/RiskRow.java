package pmo.risk;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One risk of a bulk request (an identification meeting): a new risk without its project, which the request names. */
record RiskRow(String title, String description, String category, String cause, String effect, String owner,
    LocalDate dueDate, Integer probability, Integer impact, BigDecimal monetaryImpact) {

  NewRisk forProject(Long projectId) {
    return new NewRisk(projectId, title, description, category, cause, effect, owner, dueDate, probability, impact,
        monetaryImpact);
  }
}
