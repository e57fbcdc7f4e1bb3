package pmo.platform;

import java.util.List;

/** One page of a list with the total count, as every list endpoint returns it. */
public record Page<T>(List<T> items, int page, int size, long total) {

  public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
    return new Page<>(items, request.page(), request.size(), total);
  }
}
