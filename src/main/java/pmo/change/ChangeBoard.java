package pmo.change;

import java.util.List;
import org.springframework.stereotype.Component;
import pmo.platform.ConflictException;
import pmo.platform.Roles;
import pmo.platform.identity.Directory;

/**
 * Who votes on a change: every member of the change board except the requester (four-eyes, whatever groups the
 * requester has). The board vote's multi-instance collection is {@code ${changeBoard.voters(requester)}}.
 */
@Component("changeBoard")
public class ChangeBoard {

  private final Directory directory;

  ChangeBoard(Directory directory) {
    this.directory = directory;
  }

  public List<String> voters(String requester) {
    List<String> voters = directory.membersOf(Roles.CHANGE_BOARD).stream().filter(u -> !u.equals(requester)).toList();
    if (voters.isEmpty()) {
      throw new ConflictException("the change board has no member who may vote on a request of " + requester
          + ": add members to the group " + Roles.CHANGE_BOARD);
    }
    return voters;
  }
}
