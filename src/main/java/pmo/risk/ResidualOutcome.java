package pmo.risk;

import pmo.platform.Choice;

/**
 * What the owner reports after the response: the risk reassessed (its residual probability and impact), or that it
 * materialised (it becomes an issue). Only the process's gateway reads it.
 */
public enum ResidualOutcome implements Choice {
  REASSESSED, MATERIALISED;
}
