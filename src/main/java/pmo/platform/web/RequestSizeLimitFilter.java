package pmo.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies before anything parses them: Jackson and Jersey read a JSON body whole into memory, so without a
 * cap one request can take the heap. A declared Content-Length above the limit is answered 413 at once; a body without
 * one (chunked) is counted while it is read and fails with {@link PayloadTooLargeException} at the limit, which the
 * error handlers answer with 413. Deployments (BPMN, DMN and forms from Camunda Modeler) get a larger limit than the
 * JSON of every other call.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

  private final long maxBody;
  private final long maxDeployment;

  RequestSizeLimitFilter(long maxBody, long maxDeployment) {
    this.maxBody = maxBody;
    this.maxDeployment = maxDeployment;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = request.getRequestURI().endsWith("/deployment/create") ? maxDeployment : maxBody;
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      ProblemResponses.write(response, Failures.Answer.of(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE,
          "Payload too large", new PayloadTooLargeException(limit).getMessage()));
      return;
    }
    boolean unknownLength = declared < 0 && request.getHeader("Transfer-Encoding") != null;
    chain.doFilter(unknownLength ? new Capped(request, limit) : request, response);
  }

  /** Counts what is read of a body of unknown length. */
  private static final class Capped extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;

    Capped(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class CountingStream extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private long count;

    CountingStream(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws PayloadTooLargeException {
      count += n;
      if (count > limit) {
        throw new PayloadTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
