package pk.hifazat.migration;

import java.util.List;

/**
 * A policy editor moved a pathway's running cases from one version to another: the batch that
 * moves them has started.
 */
public record CasesMigrated(String pathway, int sourceVersion, String sourceId,
    int targetVersion, String targetId, String batchId, List<String> caseNumbers) {}
