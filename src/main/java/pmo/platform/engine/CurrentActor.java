package pmo.platform.engine;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import pmo.platform.Viewer;

/**
 * Who is acting: the user the engine runs for (Tasklist and engine REST set it), else the user of the REST call,
 * else {@code system} (job executor, start-up).
 */
@Component
public class CurrentActor {

  public static final String SYSTEM = "system";

  private final ObjectProvider<IdentityService> identityService;

  /** The identity service is looked up when first used: the engine itself audits while it is being built. */
  public CurrentActor(ObjectProvider<IdentityService> identityService) {
    this.identityService = identityService;
  }

  /** Who is reading, with their groups: the REST user's authorities, else the engine user's groups. */
  public Viewer viewer() {
    var web = SecurityContextHolder.getContext().getAuthentication();
    if (web != null && web.isAuthenticated() && !(web instanceof AnonymousAuthenticationToken)) {
      return new Viewer(web.getName(), web.getAuthorities().stream().map(GrantedAuthority::getAuthority)
          .collect(Collectors.toUnmodifiableSet()));
    }
    Authentication engineUser = identityService.getObject().getCurrentAuthentication();
    if (engineUser != null && engineUser.getUserId() != null) {
      return new Viewer(engineUser.getUserId(), engineUser.getGroupIds() == null ? Set.of()
          : Set.copyOf(engineUser.getGroupIds()));
    }
    return Viewer.SYSTEM;
  }

  public String id() {
    if (EngineContext.inCommand()) {
      String engineUser = EngineContext.currentEngineUser();
      if (engineUser != null) {
        return engineUser;
      }
    } else {
      Authentication engineUser = identityService.getObject().getCurrentAuthentication();
      if (engineUser != null && engineUser.getUserId() != null) {
        return engineUser.getUserId();
      }
    }
    var web = SecurityContextHolder.getContext().getAuthentication();
    if (web != null && web.isAuthenticated() && !(web instanceof AnonymousAuthenticationToken)) {
      return web.getName();
    }
    return SYSTEM;
  }
}
