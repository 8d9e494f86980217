/**
 * The Committee's statistics straight from the cases (R-DATA-DISAGGREGATED): the indicator
 * dictionary policy staff keep in {@code processes/indicators.yaml}, the figures computed from
 * what the other modules record (read only), disaggregated and with small numbers suppressed,
 * the statistics API and page, CSV and Excel downloads, and the OPSC annex as a printable page
 * and PDF. Owns {@code pathway_fact}: its copy of the pathways' values and steps the dictionary
 * counts, kept beside the engine's history (PathwayFacts).
 */
@ApplicationModule(displayName = "Statistics", allowedDependencies = {"area", "support"})
package pk.hifazat.statistics;

import org.springframework.modulith.ApplicationModule;
