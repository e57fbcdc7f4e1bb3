package pmo.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows read once per transaction. A process step reads its case, the case's project and the project's baseline many
 * times over (the step, its service, the four-eyes rule, the audit's before and after); the repositories keep what they
 * read here ({@link #rows}), for the rest of the transaction, and forget a row when they write it. Nothing is kept
 * beyond the transaction, so no other transaction's change is ever hidden: a row this transaction has locked cannot
 * change under it, and one it has not locked is as current as a second read a moment later would be.
 *
 * <p>The maps belong to the current database transaction (its connection holder): a transaction started inside
 * another one ({@code REQUIRES_NEW}) has its own. Outside a transaction nothing is kept.
 */
@Component
public class TransactionCache {

  private final DataSource dataSource;

  public TransactionCache(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The rows of one table, kept for the current transaction. */
  public <T> Rows<T> rows(String table) {
    return new Rows<>(this, table);
  }

  /** This transaction's map for {@code namespace}; a throwaway map outside a transaction. */
  @SuppressWarnings("unchecked")
  public <K, V> Map<K, V> of(String namespace) {
    Object transaction = TransactionSynchronizationManager.getResource(dataSource);
    if (transaction == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
      return new HashMap<>();
    }
    Map<String, Map<Object, Object>> maps =
        (Map<String, Map<Object, Object>>) TransactionSynchronizationManager.getResource(transaction);
    if (maps == null) {
      Map<String, Map<Object, Object>> created = new HashMap<>();
      TransactionSynchronizationManager.bindResource(transaction, created);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(transaction);
        }
      });
      maps = created;
    }
    return (Map<K, V>) maps.computeIfAbsent(namespace, n -> new HashMap<>());
  }

  /** The rows of one table (by id) this transaction has read, and those it has locked or written. */
  public static final class Rows<T> {

    private final TransactionCache cache;
    private final String rows;
    private final String locked;

    private Rows(TransactionCache cache, String table) {
      this.cache = cache;
      this.rows = table;
      this.locked = table + ".locked";
    }

    /** The row as this transaction last read it, else as {@code read} reads it now. */
    public Optional<T> find(long id, LongFunction<Optional<T>> read) {
      Map<Long, T> known = cache.of(rows);
      T row = known.get(id);
      if (row != null) {
        return Optional.of(row);
      }
      Optional<T> found = read.apply(id);
      found.ifPresent(r -> known.put(id, r));
      return found;
    }

    /**
     * The row, locked until the transaction ends: {@code readLocked} reads and locks it, unless this transaction has
     * locked or written it already (then it is read at most once more, after the write).
     */
    public Optional<T> lock(long id, LongFunction<Optional<T>> readLocked) {
      Map<Long, Boolean> held = cache.of(locked);
      if (held.containsKey(id)) {
        Map<Long, T> known = cache.of(rows);
        if (known.containsKey(id)) {
          return Optional.of(known.get(id));
        }
      }
      Optional<T> found = readLocked.apply(id);
      found.ifPresent(r -> {
        cache.<Long, T>of(rows).put(id, r);
        held.put(id, true);
      });
      return found;
    }

    /**
     * The next read reads the row again: for rows another row's lock guards (a project's baselines), once that lock is
     * taken, as another transaction may have changed them between this transaction's read and its lock.
     */
    public void forget(long id) {
      cache.<Long, T>of(rows).remove(id);
    }

    /** After a write of the row: the next read reads it again; the row stays locked until the transaction ends. */
    public void written(long id) {
      cache.<Long, T>of(rows).remove(id);
      cache.<Long, Boolean>of(locked).put(id, true);
    }
  }

  /**
   * Which case (row id) a process instance runs: recorded by the process's first step and never changed, so it is
   * remembered across transactions (a bounded cache). An instance whose recording rolled back never runs again, so a
   * remembered id of it is never asked for.
   */
  public static final class CaseIds {

    private final Cache<String, Long> ids = Caffeine.newBuilder().maximumSize(10_000).build();

    public Optional<Long> of(String processInstanceId, Function<String, Optional<Long>> read) {
      Long known = ids.getIfPresent(processInstanceId);
      if (known != null) {
        return Optional.of(known);
      }
      Optional<Long> found = read.apply(processInstanceId);
      found.ifPresent(id -> ids.put(processInstanceId, id));
      return found;
    }
  }
}
