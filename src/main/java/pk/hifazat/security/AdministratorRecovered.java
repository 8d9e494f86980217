package pk.hifazat.security;

/** The administrator's account and grants were restored at start-up, on an operator's word. */
public record AdministratorRecovered(String adminId, String detail) {}
