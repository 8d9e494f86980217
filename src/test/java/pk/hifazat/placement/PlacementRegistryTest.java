package pk.hifazat.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pk.hifazat.HifazatTest;

/**
 * The registry of institutions against the real database: which institution a child gets, and
 * the beds it takes and frees. Registry-only institutions live in a test province of their own.
 */
@HifazatTest
class PlacementRegistryTest {

  /** A province code no real case carries, so these institutions disturb no other test. */
  private static final String TEST_PROVINCE = "TREG";
  private static final String SPECIALISED = "EXPLOITATION_IN_PROSTITUTION,CSAM,"
      + "ONLINE_SEXUAL_EXPLOITATION,SEXUAL_ABUSE,SEXUAL_EXPLOITATION_TRAVEL_TOURISM";

  @Autowired PlacementRegistry registry;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void removeTestInstitutions() {
    jdbc.sql("delete from institution where province = ?").params(TEST_PROVINCE).update();
  }

  private void institution(String id, String district, int capacity, int occupied, boolean girls,
      boolean boys, int minAge, int maxAge, boolean femaleStaffed, boolean specialised) {
    jdbc.sql("insert into institution (id, name, province, district, capacity, occupied,"
            + " accepts_girls, accepts_boys, min_age, max_age, female_staffed,"
            + " specialised_sexual_exploitation) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(id, "Test institution " + id, TEST_PROVINCE, district, capacity, occupied, girls,
            boys, minAge, maxAge, femaleStaffed, specialised)
        .update();
  }

  private int occupied(String id) {
    return registry.find(id).orElseThrow().occupied();
  }

  private static PlacementNeed need(String district, String sex, int age, String offences) {
    return PlacementNeed.of(TEST_PROVINCE, district, sex, age, offences, SPECIALISED);
  }

  private static PlacementNeed lahore(String sex, int age, String offences) {
    return PlacementNeed.of("PB", "Lahore", sex, age, offences, SPECIALISED);
  }

  @Test
  @DisplayName("R-SPECIALISED-SHELTER: a girl exploited in prostitution in Lahore gets a bed at the specialised, female-staffed Dar-ul-Aman Lahore")
  void girlExploitedInLahoreGoesToTheSpecialisedShelter() {
    int before = occupied("PB-LAHORE-DARULAMAN");

    Optional<Institution> placed =
        registry.reserveBed(lahore("F", 15, "TRAFFICKING,EXPLOITATION_IN_PROSTITUTION"));

    assertThat(placed).get().satisfies(institution -> {
      assertThat(institution.id()).isEqualTo("PB-LAHORE-DARULAMAN");
      assertThat(institution.name()).isEqualTo("Dar-ul-Aman Lahore");
      assertThat(institution.femaleStaffed()).isTrue();
      assertThat(institution.specialisedSexualExploitation()).isTrue();
      assertThat(institution.occupied()).isEqualTo(before + 1);
    });
    assertThat(registry.releaseBed("PB-LAHORE-DARULAMAN")).isTrue();
    assertThat(occupied("PB-LAHORE-DARULAMAN")).isEqualTo(before);
  }

  @Test
  @DisplayName("R-SPECIALISED-SHELTER: a boy in forced labour gets an unspecialised bed, keeping the scarce specialised beds free")
  void boyWithoutSexualExploitationKeepsSpecialisedBedsFree() {
    Institution placed = registry.reserveBed(lahore("M", 12, "FORCED_LABOUR")).orElseThrow();

    assertThat(placed.id()).isEqualTo("PB-LAHORE-CPI");
    assertThat(placed.specialisedSexualExploitation()).isFalse();
    registry.releaseBed(placed.id());
  }

  @Test
  @DisplayName("R-SPECIALISED-SHELTER: a boy abused sexually gets the specialised unit for boys")
  void sexuallyAbusedBoyGoesToTheSpecialisedUnitForBoys() {
    Institution placed = registry.reserveBed(lahore("M", 13, "SEXUAL_ABUSE")).orElseThrow();

    assertThat(placed.id()).isEqualTo("PB-LAHORE-BOYS-SCU");
    registry.releaseBed(placed.id());
  }

  @Test
  @DisplayName("R-SPECIALISED-SHELTER: in Gilgit-Baltistan, with no specialised shelter, a child exploited online gets no bed")
  void noSpecialisedShelterMeansNoBed() {
    assertThat(registry.reserveBed(PlacementNeed.of("GB", "Gilgit", "F", 14,
        "ONLINE_SEXUAL_EXPLOITATION", SPECIALISED))).isEmpty();
    assertThat(registry.reserveBed(PlacementNeed.of("GB", "Gilgit", "F", 14, "CHILD_MARRIAGE",
        SPECIALISED))).get().extracting(Institution::id).isEqualTo("GB-GILGIT-CPC");
    registry.releaseBed("GB-GILGIT-CPC");
  }

  @Test
  @DisplayName("R-GIRL-FEMALE-CARE: a girl is never placed where no female staff care, even when it has beds")
  void girlGoesOnlyWhereFemaleStaffCare() {
    institution("TREG-A-MALE-STAFF", "Alpha", 10, 0, true, true, 0, 17, false, false);
    institution("TREG-B-FEMALE-STAFF", "Alpha", 10, 0, true, true, 0, 17, true, false);

    assertThat(registry.reserveBed(need("Alpha", "F", 9, "CHILD_MARRIAGE")))
        .get().extracting(Institution::id).isEqualTo("TREG-B-FEMALE-STAFF");
    assertThat(registry.reserveBed(need("Alpha", "M", 9, "FORCED_LABOUR")))
        .get().extracting(Institution::id).isEqualTo("TREG-A-MALE-STAFF");
    assertThat(occupied("TREG-A-MALE-STAFF")).isEqualTo(1);
  }

  @Test
  @DisplayName("R-SPECIALISED-SHELTER: a full institution is never chosen; with every one full there is no bed")
  void fullInstitutionIsNeverChosen() {
    institution("TREG-A-FULL", "Alpha", 3, 3, true, true, 0, 17, true, false);
    institution("TREG-B-ONE-BED", "Alpha", 3, 2, true, true, 0, 17, true, false);

    assertThat(registry.reserveBed(need("Alpha", "M", 10, "FORCED_LABOUR")))
        .get().extracting(Institution::id).isEqualTo("TREG-B-ONE-BED");
    assertThat(registry.reserveBed(need("Alpha", "M", 10, "FORCED_LABOUR"))).isEmpty();
    assertThat(occupied("TREG-A-FULL")).isEqualTo(3);
    assertThat(occupied("TREG-B-ONE-BED")).isEqualTo(3);
  }

  @Test
  @DisplayName("R-SPECIALISED-SHELTER: the institution must take the child's sex and age")
  void institutionTakesTheChildsSexAndAge() {
    institution("TREG-A-GIRLS", "Alpha", 5, 0, true, false, 0, 17, true, false);
    institution("TREG-B-YOUNG-BOYS", "Alpha", 5, 0, false, true, 0, 11, false, false);
    institution("TREG-C-OLDER-BOYS", "Alpha", 5, 0, false, true, 12, 17, false, false);

    assertThat(registry.reserveBed(need("Alpha", "M", 15, "FORCED_LABOUR")))
        .get().extracting(Institution::id).isEqualTo("TREG-C-OLDER-BOYS");
    assertThat(registry.reserveBed(need("Alpha", "M", 8, "FORCED_LABOUR")))
        .get().extracting(Institution::id).isEqualTo("TREG-B-YOUNG-BOYS");
    assertThat(registry.reserveBed(need("Alpha", "M", 19, "FORCED_LABOUR"))).isEmpty();
    assertThat(occupied("TREG-A-GIRLS")).isZero();
  }

  @Test
  @DisplayName("R-GIRL-FEMALE-CARE: a child of neither sex goes where girls and boys live and female staff care")
  void childOfNeitherSexGoesToAMixedFemaleStaffedInstitution() {
    institution("TREG-A-BOYS", "Alpha", 5, 0, false, true, 0, 17, false, false);
    institution("TREG-B-GIRLS", "Alpha", 5, 0, true, false, 0, 17, true, false);
    institution("TREG-C-MIXED", "Alpha", 5, 0, true, true, 0, 17, true, false);

    assertThat(registry.reserveBed(need("Alpha", "X", 16, "FORCED_LABOUR")))
        .get().extracting(Institution::id).isEqualTo("TREG-C-MIXED");
  }

  @Test
  @DisplayName("R-PLACEMENT-ORDER: the case's district comes first, then the rest of the province")
  void districtFirstThenProvince() {
    institution("TREG-A-ELSEWHERE", "Alpha", 5, 0, true, true, 0, 17, true, false);
    institution("TREG-B-HOME-DISTRICT", "Beta", 1, 0, true, true, 0, 17, true, false);

    assertThat(registry.reserveBed(need("Beta", "M", 10, "FORCED_LABOUR")))
        .get().extracting(Institution::id).isEqualTo("TREG-B-HOME-DISTRICT");
    assertThat(registry.reserveBed(need("Beta", "M", 10, "FORCED_LABOUR")))
        .get().extracting(Institution::id).isEqualTo("TREG-A-ELSEWHERE");
    assertThat(registry.reserveBed(need("Gamma", "M", 10, "FORCED_LABOUR")))
        .get().extracting(Institution::id).isEqualTo("TREG-A-ELSEWHERE");
  }

  @Test
  @DisplayName("R-SPECIALISED-SHELTER: a release frees the bed, and a count never goes below zero")
  void releaseFreesTheBedAndNeverGoesBelowZero() {
    institution("TREG-A-ONE-TAKEN", "Alpha", 4, 1, true, true, 0, 17, true, false);

    assertThat(registry.releaseBed("TREG-A-ONE-TAKEN")).isTrue();
    assertThat(occupied("TREG-A-ONE-TAKEN")).isZero();
    assertThat(registry.releaseBed("TREG-A-ONE-TAKEN")).isFalse();
    assertThat(occupied("TREG-A-ONE-TAKEN")).isZero();
    assertThat(registry.releaseBed("TREG-NO-SUCH-INSTITUTION")).isFalse();
  }

  @Test
  @DisplayName("R-SPECIALISED-SHELTER: the offences named in the model decide whether a specialised shelter is needed")
  void offencesNamedInTheModelDecideTheSpecialisedNeed() {
    assertThat(need("Alpha", "F", 14, "TRAFFICKING, CSAM").specialisedShelterNeeded()).isTrue();
    assertThat(need("Alpha", "F", 14, "SEXUAL_EXPLOITATION_TRAVEL_TOURISM")
        .specialisedShelterNeeded()).isTrue();
    assertThat(need("Alpha", "F", 14, "TRAFFICKING,FORCED_LABOUR").specialisedShelterNeeded())
        .isFalse();
    assertThat(PlacementNeed.of(TEST_PROVINCE, "Alpha", "F", 14, "CSAM", null)
        .specialisedShelterNeeded()).isFalse();
    assertThat(PlacementNeed.of(TEST_PROVINCE, "Alpha", "F", 14, null, SPECIALISED)
        .specialisedShelterNeeded()).isFalse();
  }
}
