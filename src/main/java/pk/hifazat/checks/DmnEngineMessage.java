package pk.hifazat.checks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DMN engine's refusal in words policy staff can act on. The engine writes the objects it
 * refused into its message whole ({@code 'DmnDecisionTableOutputImpl{id='Output_X', ...}'}, two
 * kilobytes for one table): each is put back as its id, or left out where it has none, and the
 * last id named is the element the finding points at.
 */
record DmnEngineMessage(String element, String text) {

  private static final Pattern DUMP_START = Pattern.compile("'?\\b\\w+Impl\\{");
  /** A decision's dump names it by its key, every other element by its id. */
  private static final Pattern ID = Pattern.compile("^(?:id|key)='([^']*)'");

  static DmnEngineMessage of(String message) {
    if (message == null) {
      return new DmnEngineMessage(null, "The DMN engine refuses this model");
    }
    StringBuilder text = new StringBuilder();
    String element = null;
    int from = 0;
    Matcher start = DUMP_START.matcher(message);
    while (start.find(from)) {
      int open = start.end() - 1;
      int close = closing(message, open);
      if (close < 0) {
        break;
      }
      boolean quoted = message.charAt(start.start()) == '\'';
      int end = close + 1;
      if (quoted && end < message.length() && message.charAt(end) == '\'') {
        end++;
      }
      String id = topLevelId(message.substring(open + 1, close));
      text.append(message, from, start.start());
      if (id != null) {
        text.append('\'').append(id).append('\'');
        element = id;
      } else if (text.length() > 0 && text.charAt(text.length() - 1) == ' ') {
        // "The decision table '...' has": the table's dump names no id, so it reads
        // "The decision table has".
        text.setLength(text.length() - 1);
      }
      from = end;
    }
    text.append(message.substring(from));
    return new DmnEngineMessage(element, text.toString().replaceAll(" {2,}", " ").trim());
  }

  /** The index of the brace that closes the one at {@code open}, or -1. */
  private static int closing(String message, int open) {
    int depth = 0;
    for (int i = open; i < message.length(); i++) {
      char c = message.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The id the object itself has, not one of the objects inside it. */
  private static String topLevelId(String fields) {
    int depth = 0;
    for (int i = 0; i < fields.length(); i++) {
      char c = fields.charAt(i);
      if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
      } else if (depth == 0 && (i == 0 || fields.charAt(i - 1) == ' ')) {
        Matcher id = ID.matcher(fields.substring(i));
        if (id.find()) {
          return id.group(1);
        }
      }
    }
    return null;
  }
}
