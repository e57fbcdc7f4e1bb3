package pmo.portfolio.selection;

import java.util.BitSet;
import java.util.List;

/**
 * An upper bound of the best objective by Lagrangian relaxation of the limits, and the prices it finds. With each
 * limit's use measured as a share of its capacity (aᵢₗ = usageᵢₗ / capacityₗ), for any prices μₗ ≥ 0
 * Σₗ μₗ + Σᵢ max(0, scoreᵢ − Σₗ μₗ·aᵢₗ) (pinned candidates counted as pinned, candidates that use a limit of 0 left
 * out, dependencies dropped) is at least the objective of every feasible selection (weak duality). So the smallest
 * value met while the prices are improved by subgradient steps is a valid bound, whatever the steps do. The prices
 * also rank the candidates by what they bring net of what they use ({@link #reducedScores()}): the order the solver
 * tries them in.
 */
final class LagrangeBound {

  private static final int ITERATIONS = 400;

  private final SelectionProblem problem;
  private final int limits;
  /** Per candidate: the limits it uses (index) and its share of each. */
  private final int[][] uses;
  private final double[][] shares;
  private final boolean[] blocked;
  private double best = Double.POSITIVE_INFINITY;
  private double[] bestPrices;

  LagrangeBound(SelectionProblem problem) {
    this.problem = problem;
    List<Limit> all = problem.limits();
    this.limits = all.size();
    int n = problem.candidates().size();
    this.uses = new int[n][];
    this.shares = new double[n][];
    this.blocked = new boolean[n];
    for (int i = 0; i < n; i++) {
      Candidate c = problem.candidates().get(i);
      int[] index = new int[limits];
      double[] share = new double[limits];
      int k = 0;
      for (int l = 0; l < limits; l++) {
        double use = c.uses(all.get(l).id());
        if (use <= 0) {
          continue;
        }
        if (all.get(l).capacity() <= 0) {
          blocked[i] = true;
        } else {
          index[k] = l;
          share[k++] = use / all.get(l).capacity();
        }
      }
      uses[i] = java.util.Arrays.copyOf(index, k);
      shares[i] = java.util.Arrays.copyOf(share, k);
    }
  }

  /** Improves the prices from 0 by Polyak subgradient steps towards {@code target} (a known objective). */
  double compute(double target) {
    double[] prices = new double[limits];
    double step = 2;
    int sinceBetter = 0;
    for (int iteration = 0; iteration < ITERATIONS && step > 1e-6; iteration++) {
      BitSet taken = new BitSet();
      double value = evaluate(prices, taken);
      if (value < best - 1e-12) {
        best = value;
        bestPrices = prices.clone();
        sinceBetter = 0;
      } else if (++sinceBetter >= 10) {
        step /= 2;
        sinceBetter = 0;
      }
      double[] used = new double[limits];
      for (int i = taken.nextSetBit(0); i >= 0; i = taken.nextSetBit(i + 1)) {
        for (int k = 0; k < uses[i].length; k++) {
          used[uses[i][k]] += shares[i][k];
        }
      }
      double norm = 0;
      for (int l = 0; l < limits; l++) {
        double g = 1 - used[l];
        if (prices[l] > 0 || g < 0) {
          norm += g * g;
        }
      }
      if (norm < 1e-18) {
        break; // the relaxed choice fits every limit: its value is the bound
      }
      double length = step * Math.max(1e-9, value - target) / norm;
      for (int l = 0; l < limits; l++) {
        prices[l] = Math.max(0, prices[l] - length * (1 - used[l]));
      }
    }
    return best;
  }

  /** What each candidate brings net of its use of the limits at the best prices found. */
  double[] reducedScores() {
    double[] reduced = new double[uses.length];
    for (int i = 0; i < uses.length; i++) {
      reduced[i] = blocked[i] ? Double.NEGATIVE_INFINITY : reduced(i, bestPrices);
    }
    return reduced;
  }

  private double evaluate(double[] prices, BitSet taken) {
    double value = 0;
    for (double price : prices) {
      value += price;
    }
    for (int i = 0; i < uses.length; i++) {
      Candidate.Pin pin = problem.candidates().get(i).pin();
      if (pin == Candidate.Pin.OUT || (blocked[i] && pin != Candidate.Pin.IN)) {
        continue;
      }
      double reduced = reduced(i, prices);
      if (pin == Candidate.Pin.IN || reduced > 0) {
        value += reduced;
        taken.set(i);
      }
    }
    return value;
  }

  private double reduced(int i, double[] prices) {
    double value = problem.candidates().get(i).score();
    if (prices != null) {
      for (int k = 0; k < uses[i].length; k++) {
        value -= prices[uses[i][k]] * shares[i][k];
      }
    }
    return value;
  }
}
