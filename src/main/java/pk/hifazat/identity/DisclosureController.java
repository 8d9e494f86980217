package pk.hifazat.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import pk.hifazat.area.AreaGroups;
import pk.hifazat.casefile.CaseAccess;
import pk.hifazat.casefile.CaseFile;
import pk.hifazat.casefile.CaseFiles;
import pk.hifazat.support.EngineAsSystem;
import pk.hifazat.support.InvalidFieldException;
import pk.hifazat.support.NotFoundException;

/**
 * R-NO-DISCLOSURE, "except as a court permits": {@code /api/cases/{caseNumber}/disclosures}
 * records a court's permission to let an agency know part of the child's identity (POST, the
 * case's own officers and supervisors, from the order) and lists them (GET, whoever may read the
 * case); {@code /api/cases/{caseNumber}/identity/disclosed} shows an agency's focal points in the
 * case's district what the court permitted them, and nothing else, while it holds: each read
 * audited like every identity read.
 */
@RestController
class DisclosureController {

  private static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");

  /** A court's order as the officer records it. No identity in it. */
  record Permission(
      @NotBlank @Size(max = 200) String court,
      @NotBlank @Size(max = 100) String orderReference,
      @NotNull LocalDate orderedOn,
      @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be an agency code")
      String agency,
      @NotEmpty @Size(max = 4) List<@NotNull DisclosedFact> facts,
      LocalDate validUntil) {}

  /** What the court permitted an agency to know: the permitted parts only. */
  record Disclosed(String name, List<String> parents, String address, String photo,
      List<DisclosurePermission> permittedBy) {}

  private final CaseAccess access;
  private final CaseFiles files;
  private final DisclosurePermissions permissions;
  private final ChildIdentityRepository identities;
  private final IdentityCipher cipher;
  private final IdentityService identityService;
  private final EngineAsSystem system;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json;

  DisclosureController(CaseAccess access, CaseFiles files, DisclosurePermissions permissions,
      ChildIdentityRepository identities, IdentityCipher cipher, IdentityService identityService,
      EngineAsSystem system, ApplicationEventPublisher events, ObjectMapper json) {
    this.access = access;
    this.files = files;
    this.permissions = permissions;
    this.identities = identities;
    this.cipher = cipher;
    this.identityService = identityService;
    this.system = system;
    this.events = events;
    this.json = json;
  }

  @PostMapping(path = "/api/cases/{caseNumber}/disclosures", consumes = "application/json")
  @Transactional
  ResponseEntity<DisclosurePermission> permit(@PathVariable String caseNumber,
      @Valid @RequestBody Permission order, Authentication user) {
    CaseFile file = access.identityReadable(caseNumber, user);
    // An order of today is today's in Pakistan, whatever the server's own zone.
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(PAKISTAN).toLocalDate();
    if (order.orderedOn().isAfter(today)) {
      throw new InvalidFieldException("orderedOn", "must not be after today (" + today
          + ", Pakistan date)");
    }
    if (order.validUntil() != null && order.validUntil().isBefore(order.orderedOn())) {
      throw new InvalidFieldException("validUntil", "must not be before orderedOn");
    }
    String group = AreaGroups.agency(order.agency(), file.province(), file.district());
    boolean known = system.query(() ->
        identityService.createGroupQuery().groupId(group).count() > 0);
    if (!known) {
      throw new InvalidFieldException("agency", "is not an agency with focal points in "
          + file.district());
    }
    DisclosurePermission permission = new DisclosurePermission(UUID.randomUUID().toString(),
        caseNumber, order.court().strip(), order.orderReference().strip(), order.orderedOn(),
        order.agency(), List.copyOf(EnumSet.copyOf(order.facts())), order.validUntil(),
        user.getName(), ClockUtil.getCurrentTime().toInstant());
    permissions.insert(permission);
    events.publishEvent(new DisclosurePermitted(caseNumber, order.agency(),
        permission.orderReference(), user.getName()));
    return ResponseEntity.created(URI.create("/api/cases/" + caseNumber + "/disclosures/"
        + permission.id())).body(permission);
  }

  @GetMapping("/api/cases/{caseNumber}/disclosures")
  List<DisclosurePermission> list(@PathVariable String caseNumber, Authentication user) {
    access.readable(caseNumber, user);
    return permissions.ofCase(caseNumber);
  }

  @GetMapping("/api/cases/{caseNumber}/identity/disclosed")
  @Transactional
  Disclosed disclosed(@PathVariable String caseNumber, Authentication user)
      throws JsonProcessingException {
    CaseFile file = files.find(caseNumber).orElseThrow(() -> nothingFor(caseNumber));
    Set<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .collect(Collectors.toSet());
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(PAKISTAN).toLocalDate();
    List<DisclosurePermission> holding = groups.contains(AreaGroups.AGENCY_FOCAL_POINTS)
        ? permissions.ofCase(caseNumber).stream()
            .filter(permission -> permission.holdsOn(today))
            .filter(permission -> groups.contains(AreaGroups.agency(permission.agency(),
                file.province(), file.district())))
            .toList()
        : List.of();
    if (holding.isEmpty()) {
      throw nothingFor(caseNumber);
    }
    Set<DisclosedFact> facts = EnumSet.noneOf(DisclosedFact.class);
    holding.forEach(permission -> facts.addAll(permission.facts()));
    String stored = identities.ciphertext(caseNumber).orElseThrow(() -> nothingFor(caseNumber));
    ChildIdentity identity = json.readValue(cipher.decrypt(caseNumber, stored),
        ChildIdentity.class);
    events.publishEvent(new ChildIdentityRead(caseNumber, user.getName()));
    return new Disclosed(
        facts.contains(DisclosedFact.NAME) ? identity.name() : null,
        facts.contains(DisclosedFact.PARENTS) ? identity.parents() : null,
        facts.contains(DisclosedFact.ADDRESS) ? identity.address() : null,
        facts.contains(DisclosedFact.PHOTO) ? identity.photo() : null,
        new ArrayList<>(holding));
  }

  private static NotFoundException nothingFor(String caseNumber) {
    return new NotFoundException("Nothing of case " + caseNumber + " is disclosed to you");
  }
}
