package pmo.platform.engine;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engine's jobs for the {@link SystemJob} beans: one job handler type ({@value #TYPE}) whose configuration names
 * the system job and its argument ({@code case-confirmation R-12}), run by the job executor as any asynchronous
 * step ({@link SystemJobsPlugin} registers it with the engine). Compared with a process of its own for each piece of
 * work, a job is one row and its log: the risk flow sent 208 statements with its confirmation as a process, 169 with
 * it as a system job (issue 15).
 *
 * <ul>
 *   <li>A failed run is retried by the system job's {@link SystemJob#retryCycle()}, as a model's
 *   {@code failedJobRetryTimeCycle} is; after the last retry the job has an incident (engine REST {@code /incident},
 *   {@code /job?withException=true}; the job's exception names the failure).</li>
 *   <li>Its log ({@code ACT_HI_JOB_LOG}: {@code JOB_DEF_TYPE_} = {@value #TYPE}, {@code JOB_DEF_CONFIGURATION_} the
 *   name and argument, as in {@code ACT_RU_JOB.HANDLER_CFG_}) gets a removal time
 *   {@link #HISTORY_TIME_TO_LIVE} on, as the processes' {@code historyTimeToLive}, so the history cleanup removes it
 *   (the engine gives none to a job without a process instance).</li>
 *   <li>A job queued for a name no bean has any more fails, and so becomes an incident, instead of being dropped.</li>
 *   <li>Its {@code PROCESS_DEF_KEY_} is {@value #TYPE}, a key no process has: the engine guards a job without one from
 *   nobody (any user could list it with its failure, reschedule, run or delete it over the engine's REST API); with
 *   it, only who may read every instance (the PMO, process owners, auditors) sees it, and only who may update every
 *   instance (administrators) runs, reschedules or deletes it.</li>
 * </ul>
 */
@Component
public class SystemJobs {

  /** The job handler type of every system job ({@code ACT_RU_JOB.HANDLER_TYPE_}). */
  public static final String TYPE = "pmo-system-job";
  /** How long the log of a system job's runs is kept. */
  public static final Duration HISTORY_TIME_TO_LIVE = Duration.ofDays(365);

  private final ObjectProvider<SystemJob> beans;
  private final ObjectProvider<ProcessEngineConfiguration> engine;
  private volatile Map<String, SystemJob> byName;

  SystemJobs(ObjectProvider<SystemJob> beans, ObjectProvider<ProcessEngineConfiguration> engine) {
    this.beans = beans;
    this.engine = engine;
  }

  /** What a job runs: the system job's name and its argument, in {@code HANDLER_CFG_} as "name argument". */
  record Work(String name, String argument) implements JobHandlerConfiguration {

    static Work parse(String canonical) {
      String[] parts = canonical.split(" ", 2);
      return new Work(parts[0], parts.length < 2 ? "" : parts[1]);
    }

    @Override
    public String toCanonicalString() {
      return name + " " + argument;
    }
  }

  /**
   * Queues {@code name} to run with {@code argument} once the caller's transaction commits (nothing runs if it rolls
   * back). The name must be a {@link SystemJob} bean's.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void queue(String name, String argument) {
    job(name); // a system job's name has no spaces: the first space ends it
    ((ProcessEngineConfigurationImpl) engine.getObject()).getCommandExecutorTxRequired().execute(context -> {
      MessageEntity job = new MessageEntity();
      job.setJobHandlerType(TYPE);
      job.setJobHandlerConfiguration(new Work(name, argument));
      job.setProcessDefinitionKey(TYPE);
      context.getJobManager().send(job);
      return null;
    });
  }

  SystemJob job(String name) {
    Map<String, SystemJob> jobs = byName;
    if (jobs == null) {
      jobs = beans.orderedStream().collect(Collectors.toUnmodifiableMap(SystemJob::name, Function.identity()));
      byName = jobs;
    }
    SystemJob job = jobs.get(name);
    if (job == null) {
      throw new IllegalStateException("no system job is named " + name + " (known: " + jobs.keySet() + ")");
    }
    return job;
  }
}
