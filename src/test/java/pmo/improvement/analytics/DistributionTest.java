package pmo.improvement.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Percentiles from the bucketed distribution: exact on small histories, within 2 % on large ones. */
class DistributionTest {

  @Test
  void bucketsAreTwoPercentWideAndOrdered() {
    assertThat(Distribution.bucketOf(0)).isZero();
    assertThat(Distribution.bucketOf(-5)).isZero();
    assertThat(Distribution.bucketOf(1)).isEqualTo(1);
    int previous = 0;
    for (long ms = 1; ms < 10_000_000_000L; ms = ms * 3 / 2 + 1) {
      int bucket = Distribution.bucketOf(ms);
      assertThat(bucket).isGreaterThanOrEqualTo(previous);
      previous = bucket;
      // the bucket's lower bound is within 2 % below the value
      double lower = Math.pow(Distribution.RATIO, bucket - 1);
      assertThat(lower).isLessThanOrEqualTo(ms * 1.0000001);
      assertThat(ms / lower).isLessThan(Distribution.RATIO + 1e-9);
    }
  }

  @Test
  void smallHistoriesGiveExactPercentilesLikePercentileCont() {
    long h = 3_600_000;
    Distribution d = Distribution.ofValues(2 * h, 8 * h);
    assertThat(d.percentile(0.5)).isEqualTo(5 * h);
    assertThat(d.percentile(0.9)).isEqualTo(Math.round(2 * h + 0.9 * 6 * h));
    assertThat(d.percentile(0)).isEqualTo(2 * h);
    assertThat(d.percentile(1)).isEqualTo(8 * h);
    assertThat(d.mean()).isEqualTo(5 * h);
    assertThat(Distribution.ofValues(3 * h, h, 2 * h).percentile(0.5)).isEqualTo(2 * h);
    // the same value many times stays exact
    assertThat(Distribution.ofValues(h, h, h, h, h).percentile(0.9)).isEqualTo(h);
    assertThat(Distribution.ofValues(42).percentile(0.5)).isEqualTo(42);
    assertThat(Distribution.ofValues().percentile(0.5)).isNull();
    assertThat(Distribution.ofValues().mean()).isNull();
  }

  @Test
  void bucketsAddUpAcrossMonthsAndVersions() {
    Distribution.Bucket a = new Distribution.Bucket(10, 2, 30, 10, 20);
    Distribution.Bucket b = new Distribution.Bucket(10, 1, 12, 12, 12);
    Distribution merged = Distribution.of(List.of(a, b));
    assertThat(merged.count()).isEqualTo(3);
    assertThat(merged.sum()).isEqualTo(42);
    assertThat(merged.percentile(0)).isEqualTo(10);
    assertThat(merged.percentile(1)).isEqualTo(20);
  }

  @Test
  void largeHistoriesAreWithinTwoPercentOfTheExactPercentile() {
    Random random = new Random(11);
    long[] values = new long[200_000];
    for (int i = 0; i < values.length; i++) {
      // log-normal durations from seconds to weeks
      values[i] = Math.max(0, Math.round(Math.exp(12 + 3 * random.nextGaussian())));
    }
    Distribution d = Distribution.ofValues(values);
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    for (double p : new double[] {0.1, 0.5, 0.9, 0.99}) {
      double position = p * (sorted.length - 1);
      long lo = sorted[(int) Math.floor(position)];
      long hi = sorted[(int) Math.ceil(position)];
      double exact = lo + (position - Math.floor(position)) * (hi - lo);
      assertThat((double) d.percentile(p)).as("p" + p).isCloseTo(exact, within(exact * 0.02 + 1));
    }
    assertThat(d.count()).isEqualTo(values.length);
    assertThat(d.sum()).isEqualTo(Arrays.stream(values).sum());
  }

  @Test
  void aBucketsValuesAreSpreadFromItsSmallestToItsLargest() {
    List<Distribution.Bucket> rows = new ArrayList<>();
    rows.add(new Distribution.Bucket(5, 3, 30, 9, 11));
    Distribution d = Distribution.of(rows);
    assertThat(d.percentile(0)).isEqualTo(9);
    assertThat(d.percentile(0.5)).isEqualTo(10);
    assertThat(d.percentile(1)).isEqualTo(11);
  }
}
