package pk.hifazat.policy;

import java.util.Optional;

/** What is already deployed, for the parts of a change that refer to it. */
interface PathwayLibrary {

  boolean hasProcess(String key);

  boolean hasDecision(String key);

  boolean hasForm(String formId);

  /** The XML of the latest deployed version of a process, if any. */
  Optional<byte[]> latestProcessModel(String key);

  /** The XML of the latest deployed decision requirements holding this decision, if any. */
  Optional<byte[]> latestDecisionModel(String key);

  /** The JSON of the latest deployed form with this id, if any. */
  Optional<byte[]> latestForm(String formId);

  /** A library with nothing deployed: a change is then checked on its own files only. */
  PathwayLibrary EMPTY = new PathwayLibrary() {
    @Override
    public boolean hasProcess(String key) {
      return false;
    }

    @Override
    public boolean hasDecision(String key) {
      return false;
    }

    @Override
    public boolean hasForm(String formId) {
      return false;
    }

    @Override
    public Optional<byte[]> latestProcessModel(String key) {
      return Optional.empty();
    }

    @Override
    public Optional<byte[]> latestDecisionModel(String key) {
      return Optional.empty();
    }

    @Override
    public Optional<byte[]> latestForm(String formId) {
      return Optional.empty();
    }
  };
}
