package archfixture.pmo.report;

import archfixture.pmo.ledger.LedgerRepository;
import org.springframework.web.bind.annotation.RestController;

/** Fixture for ArchitectureTest: a controller that reads another capability's repository, which the rules forbid. */
@RestController
public class ReportController {

  private final LedgerRepository ledger;

  public ReportController(LedgerRepository ledger) {
    this.ledger = ledger;
  }

  public long total() {
    return ledger.total();
  }
}
