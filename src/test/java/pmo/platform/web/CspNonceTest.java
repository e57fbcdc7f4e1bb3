package pmo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pmo.IntegrationTest;

/**
 * A webapp page's scripts carry the nonce of its own Content-Security-Policy header, however many other webapp
 * requests are served at the same time (Camunda keeps the nonce in the servlet context, so a concurrent request used to
 * stamp its nonce into another user's page and the browser refused all of Tasklist's scripts: a blank page).
 */
class CspNonceTest extends IntegrationTest {

  private static final Pattern HEADER_NONCE = Pattern.compile("'nonce-([^']+)'");
  private static final Pattern PAGE_NONCE = Pattern.compile("nonce=\"([^\"]*)\"");
  private static final String[] PAGES = {"/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/",
      "/camunda/app/admin/default/", "/camunda/app/welcome/default/"};

  @LocalServerPort
  int port;

  @Test
  void everyPageCarriesTheNonceOfItsOwnHeaderUnderConcurrentRequests() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    int threads = 8;
    int rounds = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        Callable<List<String>> pages = () -> {
          List<String> mismatches = new ArrayList<>();
          for (int i = 0; i < rounds; i++) {
            String path = PAGES[(first + i) % PAGES.length];
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            Matcher header = HEADER_NONCE.matcher(page.headers().firstValue("Content-Security-Policy").orElse(""));
            assertThat(header.find()).as("the CSP header of %s names a nonce", path).isTrue();
            Matcher body = PAGE_NONCE.matcher(page.body());
            int scripts = 0;
            while (body.find()) {
              scripts++;
              if (!body.group(1).equals(header.group(1))) {
                mismatches.add(path + ": header " + header.group(1) + ", page " + body.group(1));
              }
            }
            assertThat(scripts).as("%s stamps its scripts with a nonce", path).isPositive();
          }
          return mismatches;
        };
        results.add(pool.submit(pages));
      }
      List<String> mismatches = new ArrayList<>();
      for (Future<List<String>> result : results) {
        mismatches.addAll(result.get());
      }
      assertThat(mismatches).as("pages whose scripts the browser would refuse").isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }
}
