package pmo.platform.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.history.producer.HistoryEventProducer;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engine's jobs for the {@link SystemJob} beans: one job handler type ({@value #TYPE}) whose configuration names
 * the system job and its argument ({@code case-confirmation R-12}), run by the job executor as any asynchronous
 * step. Compared with a process of its own for each piece of work, a job is one row and its log, where starting and
 * ending a process wrote about thirty rows per case (issue 15).
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
 * </ul>
 */
@Component
public class SystemJobs extends AbstractProcessEnginePlugin {

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
      context.getJobManager().send(job);
      return null;
    });
  }

  private SystemJob job(String name) {
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

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<JobHandler> handlers = new ArrayList<>(Objects.requireNonNullElse(configuration.getCustomJobHandlers(),
        List.of()));
    handlers.add(new Handler());
    configuration.setCustomJobHandlers(handlers);
    FailedJobCommandFactory others = configuration.getFailedJobCommandFactory() != null
        ? configuration.getFailedJobCommandFactory() : new DefaultFailedJobCommandFactory();
    configuration.setFailedJobCommandFactory((jobId, exception) -> context -> {
      JobEntity job = context.getJobManager().findJobById(jobId);
      return job != null && TYPE.equals(job.getJobHandlerType()) ? new Retry(jobId, exception).execute(context)
          : others.getCommand(jobId, exception).execute(context);
    });
    HistoryEventProducer producer = configuration.getHistoryEventProducer();
    if (producer != null && producer.getClass() != CacheAwareHistoryEventProducer.class) {
      throw new IllegalStateException("the engine's history event producer is not its default: " + producer);
    }
    configuration.setHistoryEventProducer(new JobLogRemovalTime());
  }

  /** Runs the named system job. */
  private final class Handler implements JobHandler<Work> {

    @Override
    public String getType() {
      return TYPE;
    }

    @Override
    public void execute(Work work, ExecutionEntity execution, CommandContext context, String tenantId) {
      job(work.name()).run(work.argument());
    }

    @Override
    public Work newConfiguration(String canonicalString) {
      return Work.parse(canonicalString);
    }

    @Override
    public void onDelete(Work work, JobEntity job) { // nothing of its own to clean up
    }
  }

  /** A failed system job is retried by its own cycle (every other job as the engine does). */
  private final class Retry extends DefaultJobRetryCmd {

    Retry(String jobId, Throwable exception) {
      super(jobId, exception);
    }

    @Override
    public Object execute(CommandContext context) {
      JobEntity job = getJob();
      try {
        executeCustomStrategy(context, job, null);
      } catch (Exception e) {
        executeStandardStrategy(context);
      }
      return null;
    }

    @Override
    public FailedJobRetryConfiguration getFailedJobRetryConfiguration(JobEntity job, ActivityImpl activity) {
      return ParseUtil.parseRetryIntervals(job(Work.parse(job.getJobHandlerConfigurationRaw()).name()).retryCycle());
    }
  }

  /**
   * The engine's history, with what a system job's log lacks: what it ran (the engine logs only a job definition's
   * configuration, and a system job has none) and a removal time (it has no process to take one from).
   */
  private static final class JobLogRemovalTime extends CacheAwareHistoryEventProducer {

    @Override
    protected void initHistoricJobLogEvent(HistoricJobLogEventEntity event, Job job, HistoryEventType type) {
      super.initHistoricJobLogEvent(event, job, type);
      JobEntity entity = (JobEntity) job;
      if (TYPE.equals(entity.getJobHandlerType())) {
        event.setJobDefinitionConfiguration(entity.getJobHandlerConfigurationRaw());
        if (event.getRemovalTime() == null) {
          event.setRemovalTime(new Date(ClockUtil.getCurrentTime().getTime() + HISTORY_TIME_TO_LIVE.toMillis()));
        }
      }
    }
  }
}
