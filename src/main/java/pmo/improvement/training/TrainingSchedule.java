package pmo.improvement.training;

import org.springframework.stereotype.Component;

/**
 * When processes/training-expiry.bpmn runs, as its timer start event reads it:
 * {@code ${trainingSchedule.expiryCheck()}} (pmo.improvement.training.expiry-check, a cron expression). The engine
 * reads it when the model is deployed and when the timer next fires.
 */
@Component("trainingSchedule")
public class TrainingSchedule {

  private final TrainingSettings settings;

  TrainingSchedule(TrainingSettings settings) {
    this.settings = settings;
  }

  public String expiryCheck() {
    return settings.expiryCheck();
  }
}
