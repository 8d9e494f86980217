package pk.hifazat.checks;

/** One difference between a change and the version deployed before it, element by element. */
public record PathwayChange(String resource, String key, String element, ChangeKind change,
    String detail) {}
