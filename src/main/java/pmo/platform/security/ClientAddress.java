package pmo.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Which client a login comes from, as the throttle counts it.
 *
 * <p>The address is the request's remote address: the TCP peer of the connection, unless Spring Boot's forwarded-header
 * handling is switched on ({@code server.forward-headers-strategy}: {@code native} lets Tomcat take the client from
 * {@code X-Forwarded-For} when the peer is a trusted internal proxy; {@code framework} trusts the header from anybody,
 * so use it only when a proxy always overwrites it). {@code X-Forwarded-For} is never read here: a client could write
 * any address into it and escape the per-address limit.
 *
 * <p>An IPv6 client usually owns a whole /64 network and can change its address within it at will, so IPv6 addresses
 * are counted by their /64 prefix.
 */
final class ClientAddress {

  private ClientAddress() {
  }

  static String of(HttpServletRequest request) {
    return of(request.getRemoteAddr());
  }

  static String of(String remoteAddress) {
    if (remoteAddress == null || remoteAddress.isBlank()) {
      return "unknown";
    }
    if (remoteAddress.indexOf(':') < 0) {
      return remoteAddress; // IPv4 (or a name, which Tomcat gives only when told to resolve names)
    }
    try {
      // a literal address is parsed, not looked up
      InetAddress address = InetAddress.getByName(remoteAddress);
      if (address instanceof Inet6Address) {
        byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
        Arrays.fill(prefix, 8, 16, (byte) 0);
        return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
      }
      return address.getHostAddress();
    } catch (UnknownHostException e) {
      return remoteAddress;
    }
  }
}
