package pmo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** PMO Governance: governance processes of a project management office on an embedded Camunda 7 engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PmoApplication {

  public static void main(String[] args) {
    SpringApplication.run(PmoApplication.class, args);
  }
}
