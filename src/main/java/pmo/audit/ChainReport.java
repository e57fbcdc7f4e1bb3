package pmo.audit;

/**
 * The result of walking the audit hash chain: intact, or the first event (by sequence number) whose content or link
 * does not match, and why.
 */
public record ChainReport(boolean intact, long checked, Long firstBrokenSeq, Long firstBrokenId, String reason) {

  static ChainReport intact(long checked) {
    return new ChainReport(true, checked, null, null, null);
  }

  static ChainReport broken(long checked, long seq, Long id, String reason) {
    return new ChainReport(false, checked, seq, id, reason);
  }
}
