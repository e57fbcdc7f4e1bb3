package pmo.platform.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * A one-timer process for the job executor tests: start, wait an hour, end. Its timer job is the job under test; the
 * hour keeps the job executor away from it until a test moves its due date or its lock.
 */
final class JobProbe {

  static final String KEY = "job-executor-probe";

  private final ProcessEngine engine;

  JobProbe(ProcessEngine engine) {
    this.engine = engine;
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
      BpmnModelInstance model = Bpmn.createExecutableProcess(KEY)
          .name("Job executor probe")
          .camundaHistoryTimeToLive(1)
          .camundaVersionTag("1")
          .startEvent("Start")
          .intermediateCatchEvent("Wait").timerWithDuration("PT1H")
          .endEvent("End")
          .done();
      engine.getRepositoryService().createDeployment().name(KEY).addModelInstance(KEY + ".bpmn", model).deploy();
    }
  }

  /** Starts an instance (as the system) and returns its timer job. */
  Job start() {
    String pi = engine.getRuntimeService().startProcessInstanceByKey(KEY).getId();
    return engine.getManagementService().createJobQuery().processInstanceId(pi).singleResult();
  }

  boolean ended(Job job) {
    var instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(job.getProcessInstanceId()).singleResult();
    return instance != null && instance.getEndTime() != null;
  }
}
