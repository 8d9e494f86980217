package pk.hifazat.security;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import pk.hifazat.area.UserArea;
import pk.hifazat.area.UserAreas;

/** {@code GET /api/me}: who is logged in and the area they answer for. */
@RestController
class MeController {

  private final UserAreas areas;

  MeController(UserAreas areas) {
    this.areas = areas;
  }

  record Me(String user, String scope, String province, String district) {}

  @GetMapping("/api/me")
  Me me(Authentication authentication) {
    UserArea area = areas.of(authentication);
    return new Me(authentication.getName(), area.scope().name(), area.province(), area.district());
  }
}
