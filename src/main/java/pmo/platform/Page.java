package pmo.platform;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as every list endpoint returns it.
 *
 * <p>{@code total} is the number of matching rows, counted up to {@link #COUNT_LIMIT}: an exact count costs as much as
 * reading every matching row, which over millions of rows (the audit trail) grows with the table, not with the page.
 * When the count stops there, {@code totalExact} is false and {@code total} is the limit ("10,000 or more").
 *
 * <p>{@code next}: for lists in id order, the {@code after} value that asks for the following page (keyset paging: a
 * page deep in the list costs what the first one does, where {@code page=N} reads and skips N pages first); absent
 * when this page is the last.
 */
public record Page<T>(List<T> items, int page, int size, long total, boolean totalExact, Long next) {

  /** Matching rows are counted up to this many; beyond it the total is "at least this many". */
  public static final int COUNT_LIMIT = 10_000;

  /** A page of a list whose total was counted exactly and that has no keyset. */
  public Page(List<T> items, int page, int size, long total) {
    this(items, page, size, total, true, null);
  }

  public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
    return new Page<>(items, request.page(), request.size(), total);
  }

  /** The same page with each item mapped. */
  public <R> Page<R> map(Function<T, R> mapping) {
    return new Page<>(items.stream().map(mapping).toList(), page, size, total, totalExact, next);
  }
}
