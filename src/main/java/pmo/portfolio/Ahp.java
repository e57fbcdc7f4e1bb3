package pmo.portfolio;

import java.util.ArrayList;
import java.util.List;
import pmo.platform.FieldError;

/**
 * The analytic hierarchy process (Saaty): weights from a reciprocal pairwise comparison matrix on the 1–9 scale as its
 * principal eigenvector (power iteration, normalised to sum 1), λmax, the consistency index CI = (λmax − n)/(n − 1) and
 * the consistency ratio CR = CI / RI(n) with Saaty's random indices. A CR above 0.1 deserves a second look at the
 * judgements.
 */
final class Ahp {

  /** Saaty's random consistency index for n = 1..10. */
  static final double[] RANDOM_INDEX = {0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49};
  static final double CONSISTENT = 0.1;
  private static final double SCALE_TOLERANCE = 0.01;

  record Result(double[] weights, double lambdaMax, double consistencyIndex, double consistencyRatio) {

    boolean consistent() {
      return consistencyRatio <= CONSISTENT;
    }
  }

  private Ahp() {
  }

  /**
   * What is wrong with a matrix, naming each cell as {@code matrix[i][j]} (0-based): n × n for n criteria, 1 on the
   * diagonal, every judgement k or 1/k for k from 1 to 9, and reciprocal (a[j][i] = 1/a[i][j]).
   */
  static List<FieldError> check(double[][] matrix, int n) {
    List<FieldError> errors = new ArrayList<>();
    if (matrix == null || matrix.length != n) {
      errors.add(new FieldError("matrix", "must have " + n + " rows, one per criterion in the model's order"));
      return errors;
    }
    for (int i = 0; i < n; i++) {
      if (matrix[i] == null || matrix[i].length != n) {
        errors.add(new FieldError("matrix[" + i + "]", "must have " + n + " values"));
        return errors;
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double a = matrix[i][j];
        String cell = "matrix[" + i + "][" + j + "]";
        if (i == j) {
          if (Math.abs(a - 1) > 1e-9) {
            errors.add(new FieldError(cell, "must be 1: a criterion is as important as itself"));
          }
        } else if (!onScale(a)) {
          errors.add(new FieldError(cell, "must be a judgement on the 1-9 scale (1 to 9 or 1/9 to 1/2), not " + a));
        } else if (j > i && onScale(matrix[j][i]) && Math.abs(a * matrix[j][i] - 1) > 2 * SCALE_TOLERANCE) {
          errors.add(new FieldError("matrix[" + j + "][" + i + "]", "must be the reciprocal of " + cell + " (1/" + a
              + ")"));
        }
      }
    }
    return errors;
  }

  static Result weigh(double[][] matrix) {
    int n = matrix.length;
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1.0 / n);
    for (int iteration = 0; iteration < 1000; iteration++) {
      double[] next = multiply(matrix, w);
      double sum = 0;
      for (double v : next) {
        sum += v;
      }
      double change = 0;
      for (int i = 0; i < n; i++) {
        next[i] /= sum;
        change = Math.max(change, Math.abs(next[i] - w[i]));
      }
      w = next;
      if (change < 1e-12) {
        break;
      }
    }
    double[] aw = multiply(matrix, w);
    double lambda = 0;
    for (int i = 0; i < n; i++) {
      lambda += aw[i] / w[i];
    }
    lambda /= n;
    double ci = n <= 1 ? 0 : (lambda - n) / (n - 1);
    double ri = n <= RANDOM_INDEX.length ? RANDOM_INDEX[n - 1] : RANDOM_INDEX[RANDOM_INDEX.length - 1];
    double cr = ri == 0 ? 0 : ci / ri;
    return new Result(w, lambda, ci, cr);
  }

  private static boolean onScale(double a) {
    if (!(a > 0) || Double.isInfinite(a)) {
      return false;
    }
    double k = a >= 1 ? a : 1 / a;
    return k <= 9 + SCALE_TOLERANCE && Math.abs(k - Math.rint(k)) <= SCALE_TOLERANCE * k;
  }

  private static double[] multiply(double[][] m, double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      for (int j = 0; j < v.length; j++) {
        out[i] += m[i][j] * v[j];
      }
    }
    return out;
  }
}
