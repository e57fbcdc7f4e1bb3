package pmo.audit;

import java.time.OffsetDateTime;

/**
 * The result of walking the audit hash chain: intact, or the first event (by sequence number) whose content or link
 * does not match, and why.
 *
 * <p>{@code checked}: the chain is verified up to and including this sequence number. {@code full}: the walk started
 * at the first event; otherwise it started after the checkpoint {@code since} (a sequence number an earlier
 * verification found intact), so {@code checked - since} events were verified now. Events committed but not sealed yet
 * are neither verified nor broken: {@code unsealed} counts them, {@code oldestUnsealedAt} is the oldest one's time, and
 * {@code sealingOverdue} is true when that is longer ago than {@code pmo.audit.sealing.overdue-after} (the sealer is
 * not running or keeps failing, and those events are not protected yet).
 */
public record ChainReport(boolean intact, long checked, Long firstBrokenSeq, Long firstBrokenId, String reason,
    boolean full, long since, long unsealed, OffsetDateTime oldestUnsealedAt, boolean sealingOverdue) {

  static ChainReport intact(long checked) {
    return new ChainReport(true, checked, null, null, null, true, 0, 0, null, false);
  }

  static ChainReport broken(long checked, long seq, Long id, String reason) {
    return new ChainReport(false, checked, seq, id, reason, true, 0, 0, null, false);
  }

  /** This report of a walk that started after {@code since} ({@code full} when 0), with the unsealed events. */
  ChainReport of(boolean full, long since, long unsealed, OffsetDateTime oldestUnsealedAt, boolean overdue) {
    return new ChainReport(intact, checked, firstBrokenSeq, firstBrokenId, reason, full, since, unsealed,
        oldestUnsealedAt, overdue);
  }
}
