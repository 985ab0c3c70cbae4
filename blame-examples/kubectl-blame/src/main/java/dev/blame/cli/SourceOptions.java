package dev.blame.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the objects come from: manifests ({@code -f}), or a cluster chosen the way kubectl chooses it. */
final class SourceOptions {

  @Option(names = {"-f", "--filename"}, paramLabel = "PATH",
      description = "Manifests to explain offline: a file, a directory (read recursively), or - for stdin. "
          + "Repeatable. No cluster is contacted.")
  List<String> filenames = new ArrayList<>();

  @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
      description = "The namespace. Live: the context's namespace by default. Offline: the object's "
          + "namespace when its name is unique in the manifests.")
  String namespace;

  @Option(names = "--context", paramLabel = "CONTEXT", description = "The kubeconfig context to use.")
  String context;

  @Option(names = "--kubeconfig", paramLabel = "FILE",
      description = "The kubeconfig file; $KUBECONFIG or ~/.kube/config by default.")
  String kubeconfig;

  @Option(names = "--now", paramLabel = "TIME",
      description = "The moment to judge at, RFC 3339 (2026-11-22T12:00:15Z). Offline default: the newest "
          + "timestamp in the manifests (when the dump was taken). Live default: the clock.")
  String now;

  @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "Live: how long one request or initial list may take (default: ${DEFAULT-VALUE}).")
  int requestTimeoutSeconds;

  @Mixin
  HealthRuleOptions rules = new HealthRuleOptions();

  @Option(names = Inputs.FLAG, paramLabel = "SIZE",
      description = "Refuse a manifest input (file, stdin, FIFO) or an API response larger than this: 256Mi by "
          + "default; e.g. 1Gi.")
  String maxInputBytes;

  @Option(names = "--show-env-values",
      description = "Show literal env values in revision diffs and in recorded kubectl commands (change-cause) as "
          + "they are. By default a value is shown only as a short hash (value sha256:1a2b3c4d), since such values "
          + "are often passwords.")
  boolean showEnvValues;

  boolean offline() {
    return !filenames.isEmpty();
  }
}
