package pk.hifazat.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** However a lost race surfaces in our API, the loser is told 409 and nothing of theirs is kept. */
class ConcurrentChangeProblemTest {

  @RestController
  static class RacingController {

    @PostMapping("/race/{kind}")
    void lose(@PathVariable String kind) {
      Supplier<RuntimeException> lost = switch (kind) {
        case "engine" -> () -> new OptimisticLockingException("ENGINE-03005 Entity was updated"
            + " by another transaction concurrently");
        case "optimistic" -> () -> new OptimisticLockingFailureException("row version changed");
        case "pessimistic" -> () -> new PessimisticLockingFailureException("deadlock");
        case "lock" -> () -> new CannotAcquireLockException("lock timeout");
        default -> () -> new DuplicateKeyException("duplicate key value violates unique"
            + " constraint");
      };
      throw lost.get();
    }
  }

  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new RacingController())
      .setControllerAdvice(new ApiProblems()).build();

  @ParameterizedTest
  @ValueSource(strings = {"engine", "optimistic", "pessimistic", "lock", "duplicate"})
  @DisplayName("A change that lost a race is a 409 problem, without the database's words")
  void lostRaceIsAConflict(String kind) throws Exception {
    mvc.perform(post("/race/" + kind))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.title").value("Changed at the same time"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(
            org.hamcrest.Matchers.containsString("constraint"))));
  }
}
