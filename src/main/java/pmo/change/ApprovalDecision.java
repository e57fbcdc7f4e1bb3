package pmo.change;

import pmo.platform.Choice;
/** What an approver decides; the values are those of the approval forms. */
public enum ApprovalDecision implements Choice {
  APPROVE("approve"), REJECT("reject"), REWORK("rework");

  private final String value;

  ApprovalDecision(String value) {
    this.value = value;
  }

  @Override
  public String value() {
    return value;
  }
}
