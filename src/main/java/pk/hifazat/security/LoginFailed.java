package pk.hifazat.security;

/** A login with a wrong password or an unknown name, by any door. */
public record LoginFailed(String userId, String remoteAddress) {}
