package pk.hifazat.transfer;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/cases/{caseNumber}/transfers}: propose moving a case to another district (POST, the
 * case's officers and supervisors), and read the case's transfers (GET, the case's district now
 * and every district it came from, which keep the record of what they asked).
 */
@RestController
class TransferController {

  private final Transfers transfers;

  TransferController(Transfers transfers) {
    this.transfers = transfers;
  }

  @PostMapping(path = "/api/cases/{caseNumber}/transfers", consumes = "application/json")
  ResponseEntity<CaseTransfer> propose(@PathVariable String caseNumber,
      @Valid @RequestBody TransferProposal proposal, Authentication user) {
    CaseTransfer transfer = transfers.propose(caseNumber, proposal, user);
    return ResponseEntity.created(URI.create("/api/cases/" + caseNumber + "/transfers/"
        + transfer.id())).body(transfer);
  }

  @GetMapping("/api/cases/{caseNumber}/transfers")
  List<CaseTransfer> list(@PathVariable String caseNumber, Authentication user) {
    return transfers.of(caseNumber, user);
  }
}
