package pk.hifazat.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import java.util.Base64;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import pk.hifazat.casefile.CaseAccess;
import pk.hifazat.support.InvalidQueryException;
import pk.hifazat.support.NotFoundException;

/**
 * {@code PUT/GET /api/cases/{caseNumber}/identity}: the child's identity, for the case's district
 * only, every read and write audited.
 */
@RestController
class IdentityController {

  private final CaseAccess access;
  private final ChildIdentityRepository identities;
  private final IdentityCipher cipher;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json;

  IdentityController(CaseAccess access, ChildIdentityRepository identities, IdentityCipher cipher,
      ApplicationEventPublisher events, ObjectMapper json) {
    this.access = access;
    this.identities = identities;
    this.cipher = cipher;
    this.events = events;
    this.json = json;
  }

  @PutMapping(path = "/api/cases/{caseNumber}/identity", consumes = "application/json")
  @Transactional
  ResponseEntity<Void> write(@PathVariable String caseNumber,
      @Valid @RequestBody ChildIdentity identity, Authentication user)
      throws JsonProcessingException {
    access.identityReadable(caseNumber, user);
    if (identity.photo() != null && !identity.photo().isEmpty() && !isImage(identity.photo())) {
      throw new InvalidQueryException("photo", "must be a base64 JPEG or PNG image");
    }
    identities.save(caseNumber, cipher.keyId(),
        cipher.encrypt(caseNumber, json.writeValueAsString(identity)), user.getName());
    events.publishEvent(new ChildIdentityWritten(caseNumber, user.getName()));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/cases/{caseNumber}/identity")
  @Transactional
  ChildIdentity read(@PathVariable String caseNumber, Authentication user)
      throws JsonProcessingException {
    access.identityReadable(caseNumber, user);
    String stored = identities.ciphertext(caseNumber)
        .orElseThrow(() -> new NotFoundException("No identity recorded for case " + caseNumber));
    events.publishEvent(new ChildIdentityRead(caseNumber, user.getName()));
    return json.readValue(cipher.decrypt(caseNumber, stored), ChildIdentity.class);
  }

  private static boolean isImage(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return false;
    }
    boolean jpeg = bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8
        && (bytes[2] & 0xff) == 0xff;
    boolean png = bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P'
        && bytes[2] == 'N' && bytes[3] == 'G';
    return jpeg || png;
  }
}
