package pmo.platform;

/** Offset paging for list endpoints; size is bounded so no request can ask for the whole table. */
public record PageRequest(int page, int size) {

  public static final int MAX_SIZE = 200;
  public static final int DEFAULT_SIZE = 20;

  public static PageRequest of(Integer page, Integer size) {
    InputErrors errors = new InputErrors();
    int p = page == null ? 0 : page;
    int s = size == null ? DEFAULT_SIZE : size;
    errors.require(p >= 0, "page", "must be 0 or more");
    errors.require(s >= 1 && s <= MAX_SIZE, "size", "must be between 1 and " + MAX_SIZE);
    errors.throwIfAny();
    return new PageRequest(p, s);
  }

  public long offset() {
    return (long) page * size;
  }
}
