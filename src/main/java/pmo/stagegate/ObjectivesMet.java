package pmo.stagegate;

import pmo.platform.Choice;

/** Whether a closed project met its objectives, as the post-project review form asks. */
enum ObjectivesMet implements Choice {
  MET, PARTLY, NOT_MET;
}
