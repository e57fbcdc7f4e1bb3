package pmo.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import pmo.platform.engine.ExpressionChecker.BeanKind;

/**
 * The expression checker on its own (no Spring, no engine): what process owners' models use today passes, and each way
 * out of the allowlist is rejected with a reason that names it. The beans are those of the application in miniature: a
 * few delegates, the callable beans of the allowlist and two other beans (jdbcTemplate, identityService).
 */
class ExpressionCheckerTest {

  static final Set<String> DELEGATES = Set.of("recordProposal", "tallyBoardVotes");
  static final Set<String> OTHER_BEANS = Set.of("jdbcTemplate", "identityService", "changeBoard", "changeDeadlines",
      "riskDeadlines", "issueDeadlines");

  final ExpressionChecker checker = new ExpressionChecker(ExpressionCheckerTest::kindOf);

  static BeanKind kindOf(String name) {
    return DELEGATES.contains(name) ? BeanKind.DELEGATE
        : OTHER_BEANS.contains(name) ? BeanKind.OTHER : BeanKind.NONE;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "${requester}",
      "${route == 'EMERGENCY' && !execution.hasVariable('reviewDecision')}",
      "${route != 'EMERGENCY' || execution.hasVariable('reviewDecision')}",
      "${changeBoard.voters(requester)}",
      "${changeDeadlines.reminderAfter()}",
      "${changeDeadlines.escalateAfter()}",
      "${riskDeadlines.decisionDeadline(riskId)}",
      "${riskDeadlines.reportDeadline(riskId)}",
      "${riskDeadlines.responseDue(riskId)}",
      "${issueDeadlines.resolveBy(issueId)}",
      "${issueDeadlines.respondBy(issueId)}",
      "${decisionResult.getSingleResult().escalateTo}",
      "${decisionResult.getSingleEntry()}",
      "#{execution.processBusinessKey}",
      "${execution.processInstanceId}",
      "${execution.id}",
      "${task.id}",
      "${'G1'}",
      "${!needsChange}",
      "${empty owner ? sponsor : owner}",
      "${(score + 1) * 2 >= 10 and not rejected}",
      "${currentUser()}",
      "${currentUserGroups()}",
      "${now()}",
      "${dateTime()}",
      "${authenticatedUserId}",
      "P${days}D",
      "${a}-${b}",
      "${null}",
      "${-amount < 0.5}"})
  void whatTheModelsUseIsAllowed(String expression) {
    assertThat(checker.problemOf(expression, false)).as(expression).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"${recordProposal}", "#{tallyBoardVotes}", "${ recordProposal }"})
  void aDelegateBeanMayBeNamedInADelegateExpression(String expression) {
    assertThat(checker.problemOf(expression, true)).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      ${jdbcTemplate.update("insert into act_id_membership values ('owen','camunda-admin')")} | calling 'update' on bean 'jdbcTemplate' is not allowed
      ${identityService.createMembership('owen', 'camunda-admin')}       | calling 'createMembership' on bean 'identityService'
      ${changeBoard.getClass()}                                         | method 'getClass' of bean 'changeBoard' is not on the allowlist
      ${changeDeadlines.toString()}                                     | method 'toString' of bean 'changeDeadlines'
      ${execution.getProcessEngineServices().getIdentityService()}      | calling 'getIdentityService' on execution.getProcessEngineServices(...)
      ${execution.getProcessEngineServices()}                           | 'execution.getProcessEngineServices(...)' is not allowed
      ${execution.processEngine}                                        | reading 'processEngine' of 'execution' is not allowed
      ${execution}                                                      | 'execution' may be used only as execution.hasVariable(...)
      ${task.execution}                                                 | reading 'execution' of 'task'
      ${decisionResult}                                                 | 'decisionResult' may be used only as
      ${''.getClass().forName('java.lang.Runtime')}                     | calling 'forName' on "".getClass(...) is not allowed
      ${requester.getClass()}                                           | calling 'getClass' on variable 'requester'
      ${requester.class.forName('java.lang.Runtime').getMethods()}      | calling 'getMethods' on
      ${T(java.lang.Runtime).getRuntime().exec('id')}                   | calling 'exec' on
      ${T(java.lang.Runtime)}                                           | function 'T' is not on the allowlist
      ${requester.bytes}                                                | reading 'bytes' of 'requester' is not allowed
      ${requester['class']}                                             | bracket access requester[...] is not allowed
      ${jdbcTemplate}                                                   | bean 'jdbcTemplate' is not on the allowlist
      ${changeBoard}                                                    | bean 'changeBoard' may only be called: changeBoard.voters(...)
      ${changeBoard.voters}                                             | reading 'voters' of 'changeBoard' is not allowed
      ${recordProposal}                                                 | delegate bean 'recordProposal' may be named only as a whole in a delegate expression
      ${recordProposal.execute(execution)}                              | calling 'execute' on bean 'recordProposal'
      ${changeBoard.voters(jdbcTemplate)}                               | bean 'jdbcTemplate' is not on the allowlist
      ${changeBoard.voters(execution)}                                  | 'execution' may be used only as
      ${'#{jdbcTemplate.update(1)}'}                                    | a text that contains ${ or #{ inside an expression is not allowed
      \\${jdbcTemplate}                                                 | a text that contains ${ or #{
      ${dateTime().plusDays(1)}                                         | calling 'plusDays' on dateTime(...) is not allowed
      ${S(requester).prop('x')}                                         | calling 'prop' on S(...)
      ${JSON('{}')}                                                     | function 'JSON' is not on the allowlist
      ${changeDeadlines.reminderAfter().length()}                       | calling 'length' on changeDeadlines.reminderAfter(...)
      ${decisionResult.getSingleResult().getClass()}                    | calling 'getClass' on decisionResult.getSingleResult(...)
      ${decisionResult.getResultList()}                                 | 'decisionResult.getResultList(...)' is not allowed
      ${fn:now()}                                                       | function 'fn:now' is not on the allowlist
      ${jdbcTemplate.update(}                                           | it is not a valid expression
      ${a}#{jdbcTemplate}                                               | it is not a valid expression
      """)
  void everyWayOutOfTheAllowlistIsRejected(String expression, String reason) {
    assertThat(checker.problemOf(expression, false)).as(expression).isNotNull().contains(reason);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      ${noSuchDelegate}                    | delegate bean 'noSuchDelegate' does not exist
      ${jdbcTemplate}                      | bean 'jdbcTemplate' is not a delegate
      ${changeBoard}                       | bean 'changeBoard' is not a delegate
      ${recordProposal.execute(execution)} | a delegate expression names one delegate bean as a whole
      ${recordProposal}${recordProposal}   | a delegate expression names one delegate bean as a whole
      ${true ? recordProposal : jdbcTemplate} | a delegate expression names one delegate bean as a whole
      """)
  void aDelegateExpressionNamesADelegateBeanAndNothingElse(String expression, String reason) {
    assertThat(checker.problemOf(expression, true)).as(expression).isNotNull().contains(reason);
  }
}
