package pk.hifazat.casefile;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import pk.hifazat.area.CaseMoved;

/** R-TRANSFER: the case file names the district that works the case now. */
@Component
class CaseFileMoves {

  private final CaseFiles files;

  CaseFileMoves(CaseFiles files) {
    this.files = files;
  }

  @EventListener
  void on(CaseMoved moved) {
    files.move(moved.caseNumber(), moved.toProvince(), moved.toDistrict());
  }
}
