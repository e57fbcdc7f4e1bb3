package pmo.e2e;

import org.junit.jupiter.api.Test;

/**
 * Every BPMN of processes/ imports without a single warning into bpmn-js, the library Camunda Modeler draws with
 * (src/e2e/render-diagrams.js); pictures of the diagrams land in target/e2e/diagrams.
 */
class DiagramsOpenInModelerIT {

  @Test
  void everyDiagramImportsWithoutWarnings() throws Exception {
    BrowserScenario.run("render-diagrams.js");
  }
}
