package pk.hifazat.policy;

/** The way a pathway change came in; every door passes the same checks. */
public enum DeploymentDoor {
  /** The policy page or a script, through {@code /api/pathways/deployments}. */
  POLICY_API,
  /** The configured {@code processes/} and {@code forms/} folders, when the service starts. */
  FOLDER,
  /** The engine's own API: Camunda Modeler's deploy button, the engine REST API, Java code. */
  ENGINE_API;

  static final String POLICY_API_SOURCE = "hifazat-policy-api";
  static final String FOLDER_SOURCE = "hifazat-pathway-folders";

  static DeploymentDoor of(String source) {
    if (POLICY_API_SOURCE.equals(source)) {
      return POLICY_API;
    }
    return FOLDER_SOURCE.equals(source) ? FOLDER : ENGINE_API;
  }
}
