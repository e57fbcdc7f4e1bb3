package pmo.platform.engine;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
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
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Teaches the engine the {@link SystemJobs}: their job handler, their retries (each system job's own cycle; every other
 * job's as the engine does) and their log (what ran, and a removal time).
 */
@Component
class SystemJobsPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<SystemJobs> jobs;

  /** The system jobs are looked up when a job runs or fails: the engine is built before them. */
  SystemJobsPlugin(ObjectProvider<SystemJobs> jobs) {
    this.jobs = jobs;
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
      boolean system = job != null && SystemJobs.TYPE.equals(job.getJobHandlerType());
      return system ? new Retry(jobId, exception).execute(context)
          : others.getCommand(jobId, exception).execute(context);
    });
    HistoryEventProducer producer = configuration.getHistoryEventProducer();
    if (producer != null && producer.getClass() != CacheAwareHistoryEventProducer.class) {
      throw new IllegalStateException("the engine's history event producer is not its default: " + producer);
    }
    configuration.setHistoryEventProducer(new JobLogRemovalTime());
  }

  /** Runs the named system job. */
  private final class Handler implements JobHandler<SystemJobs.Work> {

    @Override
    public String getType() {
      return SystemJobs.TYPE;
    }

    @Override
    public void execute(SystemJobs.Work work, ExecutionEntity execution, CommandContext context, String tenantId) {
      jobs.getObject().job(work.name()).run(work.argument());
    }

    @Override
    public SystemJobs.Work newConfiguration(String canonicalString) {
      return SystemJobs.Work.parse(canonicalString);
    }

    @Override
    public void onDelete(SystemJobs.Work work, JobEntity job) { // nothing of its own to clean up
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
      String name = SystemJobs.Work.parse(job.getJobHandlerConfigurationRaw()).name();
      return ParseUtil.parseRetryIntervals(jobs.getObject().job(name).retryCycle());
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
      if (SystemJobs.TYPE.equals(entity.getJobHandlerType())) {
        event.setJobDefinitionConfiguration(entity.getJobHandlerConfigurationRaw());
        if (event.getRemovalTime() == null) {
          long keptUntil = ClockUtil.getCurrentTime().getTime() + SystemJobs.HISTORY_TIME_TO_LIVE.toMillis();
          event.setRemovalTime(new Date(keptUntil));
        }
      }
    }
  }
}
