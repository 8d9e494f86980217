package pk.hifazat.policy;

import java.util.List;

/** A pathway change the checks refused, recorded apart from the deployment rolled back. */
public record PathwayChangeRefused(String user, List<String> resources, long refusals) {}
