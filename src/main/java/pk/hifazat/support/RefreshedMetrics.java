package pk.hifazat.support;

/** Figures that are re-read from the database on a schedule rather than counted as they happen. */
public interface RefreshedMetrics {

  void refresh();
}
