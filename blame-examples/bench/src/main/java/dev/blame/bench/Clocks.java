package dev.blame.bench;

import java.time.Clock;
import java.time.ZoneOffset;

/** The benchmark's fixed clock: 20 minutes after the synthetic cluster's epoch. */
final class Clocks {
  static final Clock FIXED = Clock.fixed(SyntheticCluster.T0.plusSeconds(1_200), ZoneOffset.UTC);

  private Clocks() {}
}
