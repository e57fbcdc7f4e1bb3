package pmo.change;

/** What an approver decides; the values are those of the approval forms. */
public enum ApprovalDecision {
  APPROVE("approve"), REJECT("reject"), REWORK("rework");

  final String value;

  ApprovalDecision(String value) {
    this.value = value;
  }
}
