package pmo.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The reference of the benchmark: a plain Camunda 7 engine built without any of this application's plugins (no
 * governance listeners, no form contract, no deployment guard, no authorizations, no audit), on its own database of
 * the same PostgreSQL server, in the same JVM, with the same pool size, history level, id generator and job executor
 * settings as the application's engine. It deploys the application's BPMN, DMN and form files as they are; every
 * delegate and listener they name is a no-op ({@link BareBeans}), so gateways read the variables the steps would have
 * written from the start variables. It also deploys {@link #MINIMAL}: start, one user task, end.
 */
final class BareEngine {

  static final String MINIMAL = "bench-minimal";
  static final String MINIMAL_TASK = "Task_Work";

  private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");

  private BareEngine() {
  }

  static ProcessEngine build(DataSource dataSource, JobSettings jobs) {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    Resource[] models = resources(resolver, "classpath*:processes/*.bpmn", "classpath*:processes/*.dmn",
        "classpath*:forms/*.form");

    Map<Object, Object> beans = new HashMap<>();
    for (Resource model : models) {
      if (model.getFilename() != null && model.getFilename().endsWith(".bpmn")) {
        Matcher m = DELEGATE.matcher(text(model));
        while (m.find()) {
          beans.put(m.group(1), BareBeans.NO_OP);
        }
      }
    }
    beans.put("changeDeadlines", new BareBeans.ChangeDeadlines());
    beans.put("noticeDelivery", new BareBeans.NoticeDelivery());
    beans.put("riskDeadlines", new BareBeans.RiskDeadlines());
    beans.put("issueDeadlines", new BareBeans.IssueDeadlines());
    beans.put("changeBoard", new BareBeans.ChangeBoard());
    beans.put("performanceDeadlines", new BareBeans.PerformanceDeadlines());
    beans.put("improvementDeadlines", new BareBeans.ImprovementDeadlines());
    beans.put("standardsReviewSchedule", new BareBeans.Schedules());
    beans.put("trainingSchedule", new BareBeans.Schedules());
    beans.put("portfolioSchedule", new BareBeans.Schedules());
    beans.put("standardsReviewItems", new BareBeans.StandardsReviewItems());

    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("bare");
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setIdGenerator(new StrongUuidGenerator());
    configuration.setBeans(beans);
    DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
    jobExecutor.setCorePoolSize(jobs.corePoolSize());
    jobExecutor.setMaxPoolSize(jobs.maxPoolSize());
    jobExecutor.setQueueSize(jobs.queueSize());
    jobExecutor.setMaxJobsPerAcquisition(jobs.maxJobsPerAcquisition());
    jobExecutor.setWaitTimeInMillis(jobs.waitTimeInMillis());
    jobExecutor.setMaxWait(jobs.maxWait());
    jobExecutor.setLockTimeInMillis(jobs.lockTimeInMillis());
    configuration.setJobExecutor(jobExecutor);
    configuration.setJobExecutorActivate(true);
    ProcessEngine engine = configuration.buildProcessEngine();

    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bench-bare")
        .enableDuplicateFiltering(false);
    for (Resource model : models) {
      try (InputStream in = model.getInputStream()) {
        deployment.addInputStream(model.getFilename(), new java.io.ByteArrayInputStream(in.readAllBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    BpmnModelInstance minimal = Bpmn.createExecutableProcess(MINIMAL).camundaHistoryTimeToLive(1)
        .startEvent().userTask(MINIMAL_TASK).camundaCandidateGroups("requesters").endEvent().done();
    deployment.addModelInstance(MINIMAL + ".bpmn", minimal);
    deployment.deploy();
    return engine;
  }

  /** The job executor settings of the application's engine, copied onto the bare one. */
  record JobSettings(int corePoolSize, int maxPoolSize, int queueSize, int maxJobsPerAcquisition,
      int waitTimeInMillis, long maxWait, int lockTimeInMillis) {
  }

  private static Resource[] resources(PathMatchingResourcePatternResolver resolver, String... patterns) {
    try {
      java.util.List<Resource> all = new java.util.ArrayList<>();
      for (String pattern : patterns) {
        all.addAll(java.util.List.of(resolver.getResources(pattern)));
      }
      return all.toArray(Resource[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
