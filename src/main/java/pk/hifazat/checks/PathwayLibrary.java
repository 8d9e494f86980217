package pk.hifazat.checks;

import java.util.Optional;

/**
 * What is already deployed, for the parts of a change that refer to it. By default nothing is:
 * a change is then checked on its own files only.
 */
interface PathwayLibrary {

  default boolean hasProcess(String key) {
    return false;
  }

  default boolean hasDecision(String key) {
    return false;
  }

  default boolean hasForm(String formId) {
    return false;
  }

  /** The XML of the latest deployed version of a process, if any. */
  default Optional<byte[]> latestProcessModel(String key) {
    return Optional.empty();
  }

  /** The XML of the latest deployed decision requirements holding this decision, if any. */
  default Optional<byte[]> latestDecisionModel(String key) {
    return Optional.empty();
  }

  /** The JSON of the latest deployed form with this id, if any. */
  default Optional<byte[]> latestForm(String formId) {
    return Optional.empty();
  }

  /** A library with nothing deployed. */
  PathwayLibrary EMPTY = new PathwayLibrary() {};
}
