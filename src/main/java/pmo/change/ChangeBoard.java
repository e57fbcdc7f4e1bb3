package pmo.change;

import java.util.List;
import org.springframework.stereotype.Component;
import pmo.platform.ConflictException;
import pmo.platform.Roles;

/**
 * Who votes on a change: every member of the change board except the requester (four-eyes, whatever groups the
 * requester has). The board vote's multi-instance collection is {@code ${changeBoard.voters(requester)}}.
 */
@Component("changeBoard")
public class ChangeBoard {

  private final ChangeEngine engine;

  ChangeBoard(ChangeEngine engine) {
    this.engine = engine;
  }

  public List<String> voters(String requester) {
    List<String> voters = ChangeEngine.without(engine.membersOf(Roles.CHANGE_BOARD), requester);
    if (voters.isEmpty()) {
      throw new ConflictException("the change board has no member who may vote on a request of " + requester
          + ": add members to the group " + Roles.CHANGE_BOARD);
    }
    return voters;
  }
}
