package pk.hifazat.placement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of child protection institutions and their beds. Chooses the institution for a
 * child who must be placed in one (R-PLACEMENT-ORDER: the last resort) and takes a bed there
 * atomically, so a full institution is never chosen and no count leaves 0..capacity, however many
 * officers place children at once. Runs in the engine's transaction when a model calls it.
 */
@Service
class PlacementRegistry {

  private static final String COLUMNS = """
      id, name, province, district, capacity, occupied, accepts_girls, accepts_boys, min_age,
      max_age, female_staffed, specialised_sexual_exploitation""";

  private final JdbcClient jdbc;

  PlacementRegistry(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Takes a bed for the child at the first suitable institution that still has one, or answers
   * empty when none has. Suitable: in the case's province, the case's district first; not full;
   * taking the child's sex and age; with female staff for a girl (R-GIRL-FEMALE-CARE); specialised
   * in sexual exploitation when the child needs it (R-SPECIALISED-SHELTER), and otherwise an
   * unspecialised one first, to keep the scarce specialised beds for the children who need them.
   */
  @Transactional
  public Optional<Institution> reserveBed(PlacementNeed need) {
    for (Institution candidate : candidates(need)) {
      int taken = jdbc.sql("update institution set occupied = occupied + 1"
              + " where id = ? and occupied < capacity")
          .params(candidate.id())
          .update();
      if (taken == 1) {
        return find(candidate.id());
      }
      // Another placement took the last bed since we looked: try the next option.
    }
    return Optional.empty();
  }

  /** Frees a bed the child held (release from care); never lets a count go below zero. */
  @Transactional
  public boolean releaseBed(String institutionId) {
    return jdbc.sql("update institution set occupied = occupied - 1"
            + " where id = ? and occupied > 0")
        .params(institutionId)
        .update() == 1;
  }

  /** The institutions with a free bed that suit the child, best first. */
  List<Institution> candidates(PlacementNeed need) {
    StringBuilder where = new StringBuilder(
        " where province = :province and occupied < capacity"
            + " and min_age <= :age and max_age >= :age");
    if (need.girl()) {
      where.append(" and accepts_girls = true and female_staffed = true");
    } else if (need.boy()) {
      where.append(" and accepts_boys = true");
    } else {
      // A child of another sex (X) goes where girls and boys live and female staff care.
      where.append(" and accepts_girls = true and accepts_boys = true and female_staffed = true");
    }
    if (need.specialisedShelterNeeded()) {
      where.append(" and specialised_sexual_exploitation = true");
    }
    return jdbc.sql("select " + COLUMNS + " from institution" + where
            + " order by case when district = :district then 0 else 1 end,"
            + " case when specialised_sexual_exploitation = true then 1 else 0 end, id")
        .param("province", need.province())
        .param("district", need.district())
        .param("age", need.childAgeYears())
        .query(PlacementRegistry::map)
        .list();
  }

  Optional<Institution> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from institution where id = ?")
        .params(id)
        .query(PlacementRegistry::map)
        .optional();
  }

  private static Institution map(ResultSet rs, int row) throws SQLException {
    return new Institution(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("province"),
        rs.getString("district"),
        rs.getInt("capacity"),
        rs.getInt("occupied"),
        rs.getBoolean("accepts_girls"),
        rs.getBoolean("accepts_boys"),
        rs.getInt("min_age"),
        rs.getInt("max_age"),
        rs.getBoolean("female_staffed"),
        rs.getBoolean("specialised_sexual_exploitation"));
  }
}
