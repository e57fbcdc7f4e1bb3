package pmo.notice;

/** Some notices could not be sent; they stay PENDING with the error, and the failing job is retried. */
public class NoticeDeliveryException extends RuntimeException {

  public NoticeDeliveryException(String message) {
    super(message);
  }
}
