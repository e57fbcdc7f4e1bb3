package pmo.portfolio;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The steering committee's pairwise weightings (table portfolio_weighting). */
@Repository
class WeightingRepository {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcClient jdbc;

  WeightingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A weighting as stored. */
  record Row(long id, String criteria, String matrix, String weights, BigDecimal lambdaMax,
      BigDecimal consistencyIndex, BigDecimal consistencyRatio, String modelVersion, String decidedBy,
      OffsetDateTime decidedAt) {
  }

  long insert(List<String> criteria, double[][] matrix, Map<String, BigDecimal> weights, Ahp.Result result,
      String modelVersion, String by, OffsetDateTime at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into portfolio_weighting (criteria, matrix, weights, lambda_max, consistency_index,
                                             consistency_ratio, model_version, decided_by, decided_at)
            values (:criteria, :matrix, :weights, :lambda, :ci, :cr, :version, :by, :at)""")
        .param("criteria", String.join(",", criteria))
        .param("matrix", json(matrix))
        .param("weights", json(weights))
        .param("lambda", round(result.lambdaMax()))
        .param("ci", round(result.consistencyIndex()))
        .param("cr", round(result.consistencyRatio()))
        .param("version", modelVersion)
        .param("by", by)
        .param("at", at)
        .update(key, "id");
    return key.getKey().longValue();
  }

  Optional<ScoringModels.Weighting> latest() {
    return jdbc.sql("select id, weights from portfolio_weighting order by id desc limit 1")
        .query((rs, n) -> new ScoringModels.Weighting(rs.getLong("id"), weights(rs.getString("weights"))))
        .optional();
  }

  Optional<Row> find(long id) {
    return jdbc.sql("select * from portfolio_weighting where id = :id").param("id", id).query(Row.class).optional();
  }

  private static Map<String, BigDecimal> weights(String text) {
    try {
      return JSON.readValue(text, new TypeReference<LinkedHashMap<String, BigDecimal>>() { });
    } catch (java.io.IOException e) {
      throw new IllegalStateException("unreadable weights " + text, e);
    }
  }

  private static BigDecimal round(double value) {
    return BigDecimal.valueOf(value).setScale(6, java.math.RoundingMode.HALF_UP);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
