package pk.hifazat.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pakistani names reduced to a phonetic key that survives the usual ways of writing them: Urdu
 * script or Latin letters, Muhammad, Mohammad, Muhammed or Mohd, Zainab or Zaynab, Fatima or
 * Fatimah, Ayesha or Aisha, Khadija or Qadija, doubled letters and vowels. Urdu writes short
 * vowels not at all, so the key is the consonants in classes (every letter an Urdu writer could
 * use for one sound is one class), with a leading vowel kept as a mark; first and last names are
 * kept as a set, so their order does not matter.
 *
 * <p>Why not commons-codec's Soundex, Metaphone, Double Metaphone or Beider-Morse: they are built
 * for English and European spellings and read the written vowels (Double Metaphone keeps the h of
 * "Tahir" between its vowels, and drops it from the Latin letters of طاہر, which has none), and
 * none reads Urdu script.
 */
final class NameKeys {

  /** Honorifics and the commonest first names: kept in the full name, never matched alone. */
  private static final Set<String> COMMON = Set.of("muhammad", "syed", "sayed", "sayyid", "syeda",
      "sayyida", "bibi", "bi", "begum", "mst", "mussammat", "musammat", "sheikh", "shaikh",
      "hafiz", "haji", "mian", "محمد", "سید", "سیدہ", "بی", "بیبی", "بیگم", "مسماۃ", "مسمات",
      "شیخ", "حافظ", "حاجی", "میاں");

  /** Joining words ("Zia ul Haq", "son of") that name nobody. */
  private static final Set<String> PARTICLES = Set.of("ul", "ud", "un", "ur", "us", "al", "el",
      "bin", "bint", "binte", "s", "o", "d", "w", "son", "daughter", "wife", "of", "ال", "بن",
      "بنت", "ولد", "زوجہ");

  /** Abbreviations and spellings that the consonant key alone would not bring together. */
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("mohd", "muhammad"), Map.entry("muhd", "muhammad"), Map.entry("md", "muhammad"),
      Map.entry("mhd", "muhammad"), Map.entry("mohamed", "muhammad"),
      Map.entry("mohammed", "muhammad"), Map.entry("mohammad", "muhammad"),
      Map.entry("muhammed", "muhammad"), Map.entry("muhamad", "muhammad"),
      Map.entry("mohamad", "muhammad"), Map.entry("mohamud", "muhammad"));

  private NameKeys() {}

  /** A name as the index sees it: the key of each part, and which parts may match alone. */
  record Name(List<String> parts, Set<String> significant) {

    /** Every part's key in one text, order-free: a swapped first and last name is the same. */
    String whole() {
      return String.join(" ", new TreeSet<>(parts));
    }

    boolean isEmpty() {
      return parts.isEmpty();
    }
  }

  static Name of(String name) {
    List<String> parts = new ArrayList<>();
    Set<String> significant = new TreeSet<>();
    if (name == null) {
      return new Name(parts, significant);
    }
    for (String word : words(name)) {
      String spelled = ALIASES.getOrDefault(word, word);
      if (PARTICLES.contains(spelled)) {
        continue;
      }
      String key = key(spelled);
      if (key.isEmpty()) {
        continue;
      }
      parts.add(key);
      if (!COMMON.contains(spelled)) {
        significant.add(key);
      }
    }
    return new Name(List.copyOf(parts), significant);
  }

  /** Lower-case words without marks or apostrophes, in compatibility form, in either script. */
  static List<String> words(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFKD)
        .replaceAll("\\p{M}+", "")
        .replaceAll("['’`ʼ]", "")
        .replace('\u200c', ' ')
        .toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    for (String word : plain.split("[^\\p{L}]+")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }

  /**
   * The phonetic key of one word: its sounds as classes (upper case), a leading vowel as A and
   * a leading y or w as Y or W, later vowels dropped, h kept only where it is sounded, doubles
   * made single.
   */
  static String key(String word) {
    List<Character> sounds = isUrdu(word) ? fromUrdu(word) : fromLatin(word);
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < sounds.size(); i++) {
      char sound = sounds.get(i);
      char out;
      if (i == 0) {
        out = switch (sound) {
          case 'a' -> 'A';
          case 'w' -> 'W';
          case 'y' -> 'Y';
          case 'h' -> 'H';
          default -> sound;
        };
      } else if (sound == 'h') {
        // An h written after a vowel and before more of the word is sounded (Tahir, Rehman);
        // at the end (Fatimah, Shah) it is not, and Urdu writes that final h as ہ too.
        boolean afterVowel = isVowel(sounds.get(i - 1));
        out = afterVowel && i < sounds.size() - 1 ? 'H' : 0;
      } else if (isVowel(sound)) {
        out = 0;
      } else {
        out = sound;
      }
      if (out != 0 && (key.isEmpty() || key.charAt(key.length() - 1) != out)) {
        key.append(out);
      }
    }
    return key.toString();
  }

  private static boolean isVowel(char sound) {
    return sound == 'a' || sound == 'w' || sound == 'y';
  }

  private static boolean isUrdu(String word) {
    return word.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
        == Character.UnicodeScript.ARABIC);
  }

  /**
   * Latin letters to sounds: the two-letter spellings first (kh, gh, sh, ch, th, dh, ph, bh, jh,
   * zh), q and c with k, v with w; vowels (and y, w) lower case, consonant classes upper case.
   */
  private static List<Character> fromLatin(String word) {
    List<Character> sounds = new ArrayList<>();
    String w = word.replaceAll("[^a-z]", "");
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      char next = i + 1 < w.length() ? w.charAt(i + 1) : 0;
      if (next == 'h' && "kgsctdpbjzr".indexOf(c) >= 0) {
        sounds.add(switch (c) {
          case 'k' -> 'K';
          case 'g' -> 'G';
          case 's' -> 'X';
          case 'c' -> 'C';
          case 't' -> 'T';
          case 'd' -> 'D';
          case 'p' -> 'F';
          case 'b' -> 'B';
          case 'j' -> 'J';
          case 'z' -> 'Z';
          default -> 'R';
        });
        i++;
        continue;
      }
      if (c == 'c' && next == 'k') {
        continue;
      }
      switch (c) {
        case 'a', 'e', 'i', 'o', 'u' -> sounds.add('a');
        case 'y' -> sounds.add('y');
        case 'w', 'v' -> sounds.add('w');
        case 'h' -> sounds.add('h');
        case 'q', 'k', 'c' -> sounds.add('K');
        case 'x' -> {
          sounds.add('K');
          sounds.add('S');
        }
        default -> sounds.add(Character.toUpperCase(c));
      }
    }
    return sounds;
  }

  /**
   * Urdu letters to the same sounds: every letter an Urdu writer uses for one sound is one class
   * (ت ط ٹ as T, س ص ث as S, ز ذ ض ظ as Z, خ ق ک as K, ح ہ as H); ا ع ء are vowels, و and ی
   * vowels or w and y, and the do-chashmi he (ھ) only marks aspiration.
   */
  private static List<Character> fromUrdu(String word) {
    List<Character> sounds = new ArrayList<>();
    int length = word.length();
    for (int i = 0; i < length; i++) {
      char c = word.charAt(i);
      boolean last = i == length - 1;
      Character sound = switch (c) {
        case 'ا', 'آ', 'أ', 'إ', 'ٱ', 'ع', 'ء' -> 'a';
        case 'ب' -> 'B';
        case 'پ' -> 'P';
        case 'ت', 'ٹ', 'ط' -> 'T';
        case 'ث', 'س', 'ص' -> 'S';
        case 'ج' -> 'J';
        case 'چ' -> 'C';
        case 'ح' -> 'H';
        case 'خ', 'ق', 'ک', 'ك' -> 'K';
        case 'د', 'ڈ' -> 'D';
        case 'ذ', 'ز', 'ژ', 'ض', 'ظ' -> 'Z';
        case 'ر', 'ڑ' -> 'R';
        case 'ش' -> 'X';
        case 'غ', 'گ' -> 'G';
        case 'ف' -> 'F';
        case 'ل' -> 'L';
        case 'م' -> 'M';
        case 'ن', 'ں' -> 'N';
        case 'و', 'ؤ' -> 'w';
        case 'ی', 'ي', 'ى', 'ے', 'ئ', 'ۓ' -> 'y';
        // A written he is sounded, except at the end of a word, where it marks a vowel.
        case 'ہ', 'ه', 'ۂ' -> last ? null : (i == 0 ? 'h' : 'H');
        case 'ۃ', 'ة', 'ھ' -> null;
        default -> null;
      };
      if (sound != null) {
        sounds.add(sound);
      }
    }
    return sounds;
  }

  /** A B-form (or CNIC) number as its 13 digits, or null if it has not 13. */
  static String bForm(String number) {
    if (number == null) {
      return null;
    }
    String digits = number.replaceAll("[^0-9]", "");
    return digits.length() == 13 ? digits : null;
  }
}
