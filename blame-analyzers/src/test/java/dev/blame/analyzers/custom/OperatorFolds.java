package dev.blame.analyzers.custom;

import java.util.Locale;

/**
 * Which operator (vendor) an API group belongs to, for reports and folds that hold one operator out at a time.
 * Groups of one vendor share their last two DNS labels ({@code cluster.x-k8s.io} and
 * {@code addons.cluster.x-k8s.io} are Cluster API, {@code source.toolkit.fluxcd.io} and
 * {@code image.toolkit.fluxcd.io} are Flux); groups under a suffix many projects share stay whole
 * ({@code k8s.io}, {@code apache.org}) or keep three labels ({@code x-k8s.io}: {@code cluster.x-k8s.io} is
 * Cluster API, {@code kueue.x-k8s.io} Kueue), and a group without a dot is a built-in Kubernetes API.
 */
public final class OperatorFolds {

  private OperatorFolds() {}

  public static String operator(String group) {
    String g = group.toLowerCase(Locale.ROOT);
    if (!g.contains(".")) {
      return "kubernetes";
    }
    if (g.equals("mariadb.mmontes.io")) {
      return "mariadb.com"; // mariadb-operator's former group
    }
    if (g.endsWith(".k8s.io") || g.endsWith(".apache.org")) {
      return g;
    }
    String[] labels = g.split("\\.");
    if (g.endsWith(".x-k8s.io") && labels.length >= 3) {
      return labels[labels.length - 3] + "." + labels[labels.length - 2] + "." + labels[labels.length - 1];
    }
    return labels[labels.length - 2] + "." + labels[labels.length - 1];
  }
}
