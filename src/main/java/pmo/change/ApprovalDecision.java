package pmo.change;

import pmo.platform.Choice;
/** What an approver decides; the values are those of the approval forms. */
public enum ApprovalDecision implements Choice {
  APPROVE, REJECT, REWORK;
}
