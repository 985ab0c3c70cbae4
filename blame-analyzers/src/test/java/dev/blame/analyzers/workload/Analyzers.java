package dev.blame.analyzers.workload;

import dev.blame.api.spi.Analyzer;
import java.util.List;

/** The analyzers under test. */
final class Analyzers {

  private Analyzers() {}

  static List<Analyzer> workload() {
    return List.of(new PodAnalyzer(), new ReplicaSetAnalyzer(), new DeploymentAnalyzer(),
        new StatefulSetAnalyzer(), new DaemonSetAnalyzer(), new JobAnalyzer(), new CronJobAnalyzer());
  }
}
