package pmo.platform;

/**
 * Paging for list endpoints; size is bounded so no request can ask for the whole table. {@code after} (optional, for
 * lists newest first by id) starts the page after that id instead of skipping {@code page} pages: the {@code next} of
 * the previous page.
 */
public record PageRequest(int page, int size, Long after) {

  public static final int MAX_SIZE = 200;
  public static final int DEFAULT_SIZE = 20;

  public PageRequest(int page, int size) {
    this(page, size, null);
  }

  public static PageRequest of(Integer page, Integer size) {
    return of(page, size, null);
  }

  public static PageRequest of(Integer page, Integer size, Long after) {
    InputErrors errors = new InputErrors();
    int p = page == null ? 0 : page;
    int s = size == null ? DEFAULT_SIZE : size;
    errors.require(p >= 0, "page", "must be 0 or more");
    errors.require(s >= 1 && s <= MAX_SIZE, "size", "must be between 1 and " + MAX_SIZE);
    errors.require(after == null || after > 0, "after", "must be a positive id");
    errors.require(after == null || p == 0, "page", "must be 0 (or left out) with after");
    errors.throwIfAny();
    return new PageRequest(p, s, after);
  }

  public long offset() {
    return after != null ? 0 : (long) page * size;
  }
}
