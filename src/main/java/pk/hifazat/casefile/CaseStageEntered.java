package pk.hifazat.casefile;

import java.time.Instant;

/**
 * A case entered a stage of its pathway, published in the engine's transaction as the pathway
 * moves, so that what shows the stage (the task cards) keeps it current.
 */
public record CaseStageEntered(String caseNumber, String stage, Instant at) {}
