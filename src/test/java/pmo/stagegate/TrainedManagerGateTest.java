package pmo.stagegate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pmo.improvement.training.NewCompletion;
import pmo.improvement.training.TrainingService;
import pmo.platform.Roles;
import pmo.project.Rag;

/**
 * G1 on the real engine with a project manager trained in the current standard: the should-meet criterion
 * "project manager trained" scores 5 from the training records (an untrained manager's 1 is in LifecycleProcessTest
 * and GateApiTest), and the board's form asks only for the three criteria the board scores.
 */
class TrainedManagerGateTest extends LifecycleTestSupport {

  @Autowired
  TrainingService training;

  @Test
  void aTrainedManagerScoresFiveOnTheTrainingCriterionOfG1() {
    String trained = user("pm-trained-" + unique(), Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    for (String course : List.of("pmo-standard", "risk-and-issues")) {
      training.record(new NewCompletion(trained, course, LocalDate.now().minusDays(3).toString()));
    }
    long projectId = register("Trained manager " + unique(), "100000", trained);
    ProcessInstance g1 = gateReview(projectId);
    complete(trained, g1, gatePackage(List.of("charter", "businessCase"), "Charter signed", Rag.GREEN));
    assertThat(engine.getRuntimeService().getVariable(g1.getId(), GateReviewProcess.SHOULD_MEET_CRITERIA.name()))
        .asString().contains("strategicFit", "businessCase", "feasibility").doesNotContain("managerTrained");

    complete(office, g1, decision("go", 4, 3, 5));

    assertThat(jdbc.sql("select total_score from gate_decision where project_id = :p").param("p", projectId)
        .query(BigDecimal.class).single()).isEqualByComparingTo("4.2");
    assertThat(jdbc.sql("""
            select s.criterion || '=' || s.score from gate_decision_score s
              join gate_decision d on d.id = s.decision_id
             where d.project_id = :p order by s.position""").param("p", projectId).query(String.class).list())
        .containsExactly("strategicFit=4", "businessCase=3", "feasibility=5", "managerTrained=5");
  }
}
