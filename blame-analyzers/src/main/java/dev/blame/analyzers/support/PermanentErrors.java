package dev.blame.analyzers.support;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which error messages say something no retry changes, by the class of error they carry rather than by phrase:
 * the gRPC status code the container runtime returns to the kubelet (CRI), the HTTP status the image registry
 * answered, the operating system's errno behind an exec or a mount, DNS and TLS verdicts, and the API server's
 * admission refusals. One table, documented in docs/status-vocabulary.md ("Deterministic errors"); each class
 * is tested with messages captured in public issue threads ({@code PermanentErrorsTest} records them).
 *
 * <p>Transient classes win: a message that also says {@code code = Unavailable}, a timeout, a refused
 * connection, a rate limit or a 5xx is not permanent, whatever else it says ("401" in a URL that timed out).
 */
public final class PermanentErrors {

  /** A class of permanent error: its name, for messages and docs, and how it shows in a message. */
  public record Kind(String name, Pattern pattern) {
    boolean in(String lower) {
      return pattern.matcher(lower).find();
    }
  }

  private static Kind kind(String name, String regex) {
    return new Kind(name, Pattern.compile(regex));
  }

  /** The permanent classes, matched against the lower-cased message. */
  static final List<Kind> PERMANENT = List.of(
      // CRI (gRPC) status codes the kubelet quotes as "rpc error: code = X desc = ...".
      kind("gRPC NotFound", "code = notfound\\b"),
      kind("gRPC InvalidArgument", "code = invalidargument\\b"),
      kind("gRPC PermissionDenied", "code = permissiondenied\\b"),
      kind("gRPC Unauthenticated", "code = unauthenticated\\b"),
      kind("gRPC FailedPrecondition", "code = failedprecondition\\b"),
      // The runtime has no configuration for the handler the kubelet asks a sandbox of (RunPodSandbox's
      // runtime_handler, the RuntimeClass's handler): CRI-O's ValidateRuntimeHandler "failed to find runtime handler %s
      // from runtime list %v", containerd's "no runtime for %q is configured". Only the node's runtime config fixes it.
      kind("CRI runtime handler not configured",
          "failed to find runtime handler \\S+ from runtime list|no runtime for \"[^\"]+\" is configured"),
      // The image registry's answer (containerd, CRI-O, dockerd quote it): the image or tag does not exist,
      // or the credentials are missing or refused.
      kind("registry 404 / manifest unknown", "\\b404 not found\\b|manifest unknown|not found: manifest|manifest for \\S+"
          + " not found|repository does not exist|: not found$|: not found\\b(?!:)"),
      kind("registry 401 / 403", "\\b401 unauthorized\\b|\\b403 forbidden\\b|unexpected status: 40[13]\\b|pull access"
          + " denied|unauthorized: |authentication required|requested access to the resource is denied"),
      kind("invalid image reference", "invalid reference format|couldn't parse image reference"),
      // errno of the container's entrypoint (runc/crun report it), and of a hostPath mount's type check.
      kind("ENOENT", "executable file not found|no such file or directory"),
      kind("ENOEXEC", "exec format error"),
      kind("EACCES (exec)", "exec:? \\S+ permission denied|starting container process caused:? \"?permission denied"),
      kind("ENOTDIR / hostPath type", "is not a directory|not a directory|hostpath type check failed"),
      // errno of a path the runtime or the kubelet resolves for a volume (lstat, mkdir, open on the mount point).
      kind("EACCES (path)", "\\b(lstat|stat|open|openat|mkdir|mount|chown|chmod|mknod) \\S+: permission denied"),
      // The kubelet's ConfigMap and Secret volume plugins: an item names a key the object does not hold
      // (pkg/volume/configmap and pkg/volume/secret, makePayload); only a change to the object or the pod fixes it.
      kind("key missing from a projected ConfigMap / Secret", "references non-existent (config|secret) key"),
      // DNS said the name does not exist (NXDOMAIN), TLS said the certificate is wrong.
      kind("DNS NXDOMAIN", "no such host"),
      kind("x509", "x509: certificate"),
      // The API server refused the object itself: quota, validation (422), admission.
      kind("quota exceeded", "exceeded quota"),
      kind("validation (422)", "is invalid: "),
      kind("admission denied", "denied the request|violates podsecurity|admission webhook \\S+ denied"),
      kind("ServiceAccount missing", "error looking up service account"),
      // The API server resolves a webhook's Service before calling it (the service resolver's lister NotFound,
      // `service "x" not found`): no call is made, and none will succeed until the Service exists. A Service that
      // exists without ready endpoints ("no endpoints available for service") may recover on its own: not here.
      kind("webhook's Service missing", "failed calling (admission )?webhook .*: service \"[^\"]+\" not found"),
      // Any other refusal of a create by the API server (admission plugins such as LimitRanger, PodSecurityPolicy,
      // SecurityContextDeny; RBAC): 403 Forbidden, "<kind> \"<name>\" is forbidden: <why>".
      kind("API server 403 (forbidden)", "\" is forbidden: "),
      // The PersistentVolume controller: no class to provision with.
      kind("storage class", "no storage class is set|storageclass\\.storage\\.k8s\\.io \"[^\"]+\" not found"));

  /** Classes that mean "try again": they outrank a permanent-looking word in the same message. */
  static final List<Kind> TRANSIENT = List.of(
      kind("gRPC Unavailable / DeadlineExceeded / ResourceExhausted / Aborted",
          "code = (unavailable|deadlineexceeded|resourceexhausted|aborted)\\b"),
      kind("timeout", "i/o timeout|timed out|timeout exceeded|deadline exceeded|tls handshake timeout"),
      kind("connection", "connection refused|connection reset|unexpected eof|broken pipe|no route to host|network is unreachable"
          + "|temporary failure in name resolution|server misbehaving"),
      kind("rate limit / 5xx", "\\b429 too many requests|toomanyrequests|too many requests|(status|code)[: ]+50[0234]\\b"
          + "|\\b50[0234] (internal server error|bad gateway|service unavailable|gateway timeout)"));

  private PermanentErrors() {}

  /** The permanent class the message shows, unless it also shows a transient one; empty when neither. */
  public static Optional<Kind> classify(String message) {
    if (message == null || message.isBlank()) {
      return Optional.empty();
    }
    String lower = message.toLowerCase(Locale.ROOT);
    if (TRANSIENT.stream().anyMatch(k -> k.in(lower))) {
      return Optional.empty();
    }
    return PERMANENT.stream().filter(k -> k.in(lower)).findFirst();
  }

  /** The transient class the message shows, if any. */
  public static Optional<Kind> transientKind(String message) {
    String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
    return TRANSIENT.stream().filter(k -> k.in(lower)).findFirst();
  }
}
