package dev.blame.analyzers;

import dev.blame.analyzers.config.HorizontalPodAutoscalerAnalyzer;
import dev.blame.analyzers.config.PodDisruptionBudgetAnalyzer;
import dev.blame.analyzers.config.PodReferencesAnalyzer;
import dev.blame.analyzers.custom.APIServiceAnalyzer;
import dev.blame.analyzers.custom.CustomResourceDefinitionAnalyzer;
import dev.blame.analyzers.custom.GenericResourceAnalyzer;
import dev.blame.analyzers.network.IngressAnalyzer;
import dev.blame.analyzers.network.ServiceAnalyzer;
import dev.blame.analyzers.storage.PersistentVolumeAnalyzer;
import dev.blame.analyzers.storage.PersistentVolumeClaimAnalyzer;
import dev.blame.analyzers.testing.StubPodAnalyzer;
import dev.blame.api.spi.Analyzer;
import java.util.List;

/** The analyzers of this branch, plus the test double for pods. */
final class Analyzers {

  private Analyzers() {}

  static List<Analyzer> relations() {
    return List.of(new ServiceAnalyzer(), new IngressAnalyzer(), new PersistentVolumeClaimAnalyzer(),
        new PersistentVolumeAnalyzer(), new PodReferencesAnalyzer(), new HorizontalPodAutoscalerAnalyzer(),
        new PodDisruptionBudgetAnalyzer(), new CustomResourceDefinitionAnalyzer(), new APIServiceAnalyzer(),
        new GenericResourceAnalyzer());
  }

  static List<Analyzer> withStubPods() {
    List<Analyzer> all = new java.util.ArrayList<>(relations());
    all.add(new StubPodAnalyzer());
    return all;
  }
}
