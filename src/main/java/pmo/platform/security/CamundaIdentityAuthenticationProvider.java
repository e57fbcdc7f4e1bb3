package pmo.platform.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import pmo.platform.identity.Directory;

/**
 * HTTP Basic against the engine's identity service: the same users and passwords as Tasklist. The user's groups
 * become authorities with the group id as name (for example {@code pmo}, {@code auditors}); they are read on every
 * request, so a change of groups applies at once. A password found right is remembered briefly
 * ({@link CredentialsCache}), so stateless calls do not pay a bcrypt check each.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final Directory directory;
  private final CredentialsCache checked;

  CamundaIdentityAuthenticationProvider(IdentityService identityService, Directory directory,
      CredentialsCache checked) {
    this.identityService = identityService;
    this.directory = directory;
    this.checked = checked;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null || credentials == null) {
      throw new BadCredentialsException("wrong user or password");
    }
    String password = credentials.toString();
    if (!checked.knows(user, password)) {
      if (!identityService.checkPassword(user, password)) {
        throw new BadCredentialsException("wrong user or password");
      }
      checked.remember(user, password);
    }
    List<SimpleGrantedAuthority> groups = directory.groupsOf(user).stream().map(SimpleGrantedAuthority::new).toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
