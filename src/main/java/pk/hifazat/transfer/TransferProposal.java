package pk.hifazat.transfer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import pk.hifazat.area.Province;

/**
 * {@code POST /api/cases/{caseNumber}/transfers}: where the case should go and why. The note is
 * read by the receiving supervisor: no names (R-NO-DISCLOSURE).
 */
record TransferProposal(
    @NotNull Province toProvince,
    @NotBlank @Size(max = 64) String toDistrict,
    @NotNull TransferReason reason,
    @Size(max = 1000) String note) {}
