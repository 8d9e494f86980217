package pk.hifazat.migration;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Running cases move to a new version of their pathway only when a policy editor says so:
 * {@code GET /api/pathways/{key}/migration?from=&to=} proposes, {@code POST} of the same path
 * migrates in a batch, {@code GET /api/pathways/migrations/{batchId}} follows the batch. Only
 * policy editors and administrators reach these (the web security).
 */
@RestController
class MigrationController {

  private final PathwayMigrations migrations;

  MigrationController(PathwayMigrations migrations) {
    this.migrations = migrations;
  }

  /** {@code to} is the latest version when left out; {@code from} is required. */
  @GetMapping("/api/pathways/{key}/migration")
  MigrationProposal propose(@PathVariable String key,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return migrations.propose(key, from, to);
  }

  /** {@code caseNumbers} narrows the migration to those cases; left out, all of them move. */
  record MigrationRequest(String from, String to, List<String> caseNumbers) {}

  @PostMapping(path = "/api/pathways/{key}/migration", consumes = "application/json")
  ResponseEntity<PathwayMigrations.MigrationStarted> migrate(@PathVariable String key,
      @RequestBody MigrationRequest request) {
    PathwayMigrations.MigrationStarted started =
        migrations.migrate(key, request.from(), request.to(), request.caseNumbers());
    return ResponseEntity.accepted()
        .location(URI.create("/api/pathways/migrations/" + started.batchId()))
        .body(started);
  }

  @GetMapping("/api/pathways/migrations/{batchId}")
  PathwayMigrations.MigrationStatus status(@PathVariable String batchId) {
    return migrations.status(batchId);
  }

  @ExceptionHandler(MigrationRefused.class)
  ResponseEntity<ProblemDetail> refused(MigrationRefused refused) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        refused.getMessage());
    if (refused.problems().isEmpty()) {
      problem.setTitle("Invalid request");
      problem.setProperty("errors", refused.errors());
    } else {
      problem.setTitle("Migration refused");
      problem.setProperty("problems", refused.problems());
    }
    refused.properties().forEach(problem::setProperty);
    return ResponseEntity.badRequest().body(problem);
  }
}
