package pk.hifazat.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The cases a list may name to one user (R-GIRL-FEMALE-CARE): whether any at all, and which of
 * some process instances. A list asks it of its candidates, oldest or latest first, rather than
 * of every row its range holds.
 */
public interface ReadableCases {

  /** Every case: for figures read on nobody's behalf. */
  ReadableCases EVERY = new ReadableCases() {
    @Override
    public boolean any() {
      return true;
    }

    @Override
    public Set<String> among(Collection<String> processInstanceIds) {
      return new HashSet<>(processInstanceIds);
    }
  };

  boolean any();

  Set<String> among(Collection<String> processInstanceIds);
}
