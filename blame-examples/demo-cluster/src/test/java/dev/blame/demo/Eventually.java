package dev.blame.demo;

import java.time.Duration;

/** Polls an assertion every 25 ms until it passes or the timeout expires (then its last failure is thrown). */
final class Eventually {

  private Eventually() {
  }

  static void assertThat(Duration timeout, Runnable assertion) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        assertion.run();
        return;
      } catch (AssertionError | RuntimeException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}
