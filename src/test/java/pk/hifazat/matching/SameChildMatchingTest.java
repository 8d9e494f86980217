package pk.hifazat.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same child found again through the blind keys alone: name variants in both scripts, a
 * swapped first and last name and a birth year one out match; clearly different children do not.
 */
class SameChildMatchingTest {

  /** The index's keyed hash, with a test key: the judge sees only these. */
  private static final UnaryOperator<String> BLIND = fact -> {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
      return java.util.HexFormat.of().formatHex(
          mac.doFinal(fact.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  };

  @ParameterizedTest(name = "{0} and {1} are one name")
  @CsvSource({
      "Muhammad, Mohammad", "Muhammad, Muhammed", "Muhammad, Mohammed", "Muhammad, Mohd",
      "Muhammad, محمد", "Mohd, محمد",
      "Zainab, Zaynab", "Zainab, زینب", "Zaynab, زینب",
      "Fatima, Fatimah", "Fatima, فاطمہ", "Fatimah, فاطمہ",
      "Ayesha, Aisha", "Ayesha, Aysha", "Aisha, عائشہ", "Ayesha, عائشہ",
      "Khadija, Khadijah", "Khadija, Qadija", "Khadija, خدیجہ",
      "Qasim, Kasim", "Qasim, قاسم", "Kasim, قاسم",
      "Hassan, Hasan", "Hasan, حسن",
      "Bilal, Billal", "Bilal, بلال",
      "Ahmed, Ahmad", "Ahmad, احمد",
      "Usman, Osman", "Usman, عثمان",
      "Rehman, Rahman", "Rehman, رحمان",
      "Mehmood, Mahmood", "Mahmood, محمود",
      "Tahir, طاہر", "Shah, شاہ", "Zohra, زہرا", "Rukhsana, رخسانہ",
      "Imran, عمران", "Yasir, یاسر", "Iqbal, اقبال", "Bhatti, بھٹی", "Ali, علی"})
  @DisplayName("R-NO-DISCLOSURE: spellings of one name, in Urdu script or Latin letters, give one key")
  void spellingsOfOneNameGiveOneKey(String one, String other) {
    assertThat(NameKeys.of(one).parts()).isEqualTo(NameKeys.of(other).parts()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0} and {1} are different names")
  @CsvSource({"Zainab, Zubair", "Ayesha, Asma", "Fatima, Fahad", "Imran, Irfan",
      "Bilal, Iqbal", "Khadija, Kulsoom", "Sana, Hina", "زینب, زبیر", "فاطمہ, فہد",
      "Tahir, Tariq", "Ali, Aliya Noor"})
  @DisplayName("R-NO-DISCLOSURE: different names give different keys")
  void differentNamesGiveDifferentKeys(String one, String other) {
    assertThat(NameKeys.of(one).parts()).isNotEqualTo(NameKeys.of(other).parts());
  }

  // A child as a case file and an identity give it: sex, name, parents, birth year, B-form.
  private static ChildKeys.Child child(String sex, String name, String parents, Integer year,
      String bForm) {
    return new ChildKeys.Child(sex, NameKeys.of(name),
        parents == null ? List.of() : List.of(parents.split(";")).stream()
            .map(NameKeys::of).toList(), year, NameKeys.bForm(bForm));
  }

  private static boolean sameChild(ChildKeys.Child found, ChildKeys.Child earlier) {
    Map<String, Set<String>> keys = new HashMap<>();
    ChildKeys.of(earlier, BLIND).keys().forEach(key ->
        keys.computeIfAbsent(key.kind(), k -> new HashSet<>()).add(key.hash()));
    boolean looked = ChildKeys.lookup(found, BLIND).stream().anyMatch(key ->
        keys.values().stream().anyMatch(set -> set.contains(key)));
    return looked && Resemblance.judge(found, keys, BLIND).isPresent();
  }

  private static final ChildKeys.Child ZAINAB = child("F", "Zainab Bibi", "Muhammad Akram;Shazia",
      2012, null);

  @Test
  @DisplayName("R-NO-DISCLOSURE: a girl written in Urdu script is found under her Latin spelling")
  void girlInUrduScriptIsFoundUnderHerLatinSpelling() {
    assertThat(sameChild(child("F", "زینب بی بی", "محمد اکرم", 2012, null), ZAINAB)).isTrue();
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: other spellings of the child and the father still match")
  void otherSpellingsOfChildAndFatherStillMatch() {
    assertThat(sameChild(child("F", "Zaynab", "Mohd Akram", 2012, null), ZAINAB)).isTrue();
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: a swapped first and last name matches")
  void swappedFirstAndLastNameMatches() {
    ChildKeys.Child ayesha = child("F", "Ayesha Khan", "Imran Khan", 2010, null);
    assertThat(sameChild(child("F", "Khan Aisha", "Imran Khan", 2010, null), ayesha)).isTrue();
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: a birth year one out either way matches, two out does not")
  void birthYearOneOutMatchesTwoOutDoesNot() {
    assertThat(sameChild(child("F", "Zainab", "Akram", 2011, null), ZAINAB)).isTrue();
    assertThat(sameChild(child("F", "Zainab", "Akram", 2013, null), ZAINAB)).isTrue();
    assertThat(sameChild(child("F", "Zainab", "Akram", 2010, null), ZAINAB)).isFalse();
    assertThat(sameChild(child("F", "Zainab", "Akram", 2014, null), ZAINAB)).isFalse();
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: a boy's name written Muhammad Qasim in one district and محمد قاسم in another matches")
  void boyWithMuhammadInBothScriptsMatches() {
    ChildKeys.Child qasim = child("M", "Muhammad Qasim", "Ghulam Rasool", 2009, null);
    assertThat(sameChild(child("M", "محمد قاسم", "غلام رسول", 2009, null), qasim)).isTrue();
    assertThat(sameChild(child("M", "Kasim", "Gulam Rasul", 2010, null), qasim)).isTrue();
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: the same B-form number matches whatever the names say")
  void sameBFormNumberMatches() {
    ChildKeys.Child recorded = child("M", "Bilal", null, 2011, "35202-1234567-1");
    assertThat(sameChild(child("M", "Unknown Boy", null, 2008, "3520212345671"), recorded))
        .isTrue();
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: another B-form number is another child, even with the same name")
  void otherBFormNumberIsAnotherChild() {
    ChildKeys.Child recorded = child("M", "Bilal Ahmed", "Nadeem", 2011, "35202-1234567-1");
    assertThat(sameChild(child("M", "Bilal Ahmed", "Nadeem", 2011, "35202-7654321-1"), recorded))
        .isFalse();
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: the same name with another father is another child")
  void sameNameWithAnotherFatherIsAnotherChild() {
    assertThat(sameChild(child("F", "Zainab Bibi", "Ghulam Rasool", 2012, null), ZAINAB))
        .isFalse();
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: a boy and a girl are never the same child")
  void boyAndGirlAreNeverTheSameChild() {
    ChildKeys.Child ali = child("M", "Ali Raza", "Akram", 2012, null);
    assertThat(sameChild(child("F", "Ali Raza", "Akram", 2012, null), ali)).isFalse();
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: one common name part without parents is not enough")
  void oneNamePartWithoutParentsIsNotEnough() {
    ChildKeys.Child ali = child("M", "Ali", null, 2012, null);
    assertThat(sameChild(child("M", "Ali Hassan", null, 2012, null), ali)).isFalse();
    assertThat(sameChild(child("M", "Muhammad Ali", null, 2012, null), ali)).isFalse();
    assertThat(sameChild(child("M", "Hassan Ali", null, 2012, null),
        child("M", "Ali Hasan", null, 2013, null))).isTrue();
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: clearly different children do not match")
  void clearlyDifferentChildrenDoNotMatch() {
    assertThat(sameChild(child("F", "Ayesha Bibi", "Muhammad Akram", 2012, null), ZAINAB))
        .isFalse();
    assertThat(sameChild(child("F", "Zubaida", "Muhammad Akram", 2012, null), ZAINAB)).isFalse();
    assertThat(sameChild(child("F", "Fatima Zainab", "Muhammad Akram", 2012, null),
        child("F", "Fatima Noor", "Muhammad Akram", 2012, null))).isFalse();
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: the index holds no name, year or number in the clear")
  void indexHoldsNoFactInTheClear() {
    ChildKeys.Child child = child("F", "Zainab Bibi", "Muhammad Akram", 2012, "35202-1234567-1");
    for (ChildKeys.Key key : ChildKeys.of(child, BLIND).keys()) {
      assertThat(key.hash()).matches("[0-9a-f]{32}")
          .doesNotContain("2012", "3520212345671", "ZNB", "AKRM");
    }
  }
}
