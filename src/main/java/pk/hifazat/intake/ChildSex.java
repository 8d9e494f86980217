package pk.hifazat.intake;

/**
 * F, M, or X for a transgender or intersex child (a recognised risk group, ECPAT-PPA-UPR-2017,
 * para. 12).
 */
public enum ChildSex {
  F,
  M,
  X
}
