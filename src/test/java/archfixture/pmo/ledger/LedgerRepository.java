package archfixture.pmo.ledger;

import org.springframework.stereotype.Repository;

/** Fixture for ArchitectureTest: one capability's repository (its insides). */
@Repository
public class LedgerRepository {

  public long total() {
    return 0;
  }
}
