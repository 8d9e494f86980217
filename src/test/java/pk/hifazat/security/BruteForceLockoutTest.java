package pk.hifazat.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import pk.hifazat.HifazatTest;

/** Repeated failed logins lock the account, and every failure and the lock are audited. */
@HifazatTest
class BruteForceLockoutTest {

  private static final String TARGET = "brute.target";

  @Autowired MockMvc mvc;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;

  private long audited(String action) {
    return jdbc.sql("select count(*) from audit_event where user_id = ? and action = ?")
        .params(TARGET, action).query(Long.class).single();
  }

  @Test
  void repeatedFailedLoginsLockTheAccountAndAreAudited() throws Exception {
    if (identityService.createUserQuery().userId(TARGET).count() == 0) {
      User user = identityService.newUser(TARGET);
      user.setPassword("right-password");
      identityService.saveUser(user);
      identityService.createMembership(TARGET, AreaGroups.MANAGERS);
      identityService.createMembership(TARGET, AreaGroups.managers("PB"));
    }
    mvc.perform(get("/api/me").with(httpBasic(TARGET, "right-password")))
        .andExpect(status().isOk());

    for (int attempt = 1; attempt <= 5; attempt++) {
      mvc.perform(get("/api/me").with(httpBasic(TARGET, "guess-" + attempt)))
          .andExpect(status().isUnauthorized());
    }

    // Locked: the right password no longer opens the account.
    mvc.perform(get("/api/me").with(httpBasic(TARGET, "right-password")))
        .andExpect(status().isUnauthorized());
    assertThat(audited("LOGIN_FAILED")).isGreaterThanOrEqualTo(6);
    assertThat(audited("ACCOUNT_LOCKED")).isEqualTo(1);
    mvc.perform(get("/api/audit?user=" + TARGET + "&action=ACCOUNT_LOCKED")
            .with(httpBasic("admin", "demo")))
        .andExpect(status().isOk());

    // An administrator unlocks it (Camunda Admin does the same).
    identityService.unlockUser(TARGET);
    mvc.perform(get("/api/me").with(httpBasic(TARGET, "right-password")))
        .andExpect(status().isOk());
  }
}
