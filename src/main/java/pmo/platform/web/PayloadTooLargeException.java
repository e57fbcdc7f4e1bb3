package pmo.platform.web;

import java.io.IOException;

/**
 * A request body larger than the limit of its path (REST: 413). An {@link IOException}, because it is raised while the
 * body is read, by whichever reader (Jackson, Jersey, a multipart parser) reads it.
 */
class PayloadTooLargeException extends IOException {

  PayloadTooLargeException(long limit) {
    super("the request body is larger than " + limit + " bytes");
  }
}
