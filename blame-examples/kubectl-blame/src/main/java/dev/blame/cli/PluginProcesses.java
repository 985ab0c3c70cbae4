package dev.blame.cli;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The processes an exec credential plugin started on our behalf (fabric8 runs the plugin as a child of this JVM):
 * noted before the plugin runs, stopped when we give up on it. Stopping waits, briefly, until they are gone, so
 * that nothing the command started outlives its answer.
 */
final class PluginProcesses {

  /** How long to wait for a killed process to be gone; a SIGKILL takes effect at once, reaping may lag. */
  private static final Duration GONE_WITHIN = Duration.ofSeconds(5);

  private final Set<Long> before;

  private PluginProcesses(Set<Long> before) {
    this.before = before;
  }

  /** Notes this JVM's children now; the ones started later are the plugin's. */
  static PluginProcesses noteChildren() {
    return new PluginProcesses(ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet()));
  }

  /** Whether a child has been started since the note. */
  boolean anyStarted() {
    return ProcessHandle.current().children().anyMatch(p -> !before.contains(p.pid()));
  }

  /** Kills every child started since the note, with its descendants, and waits until they have exited. */
  void stopStarted() {
    List<ProcessHandle> started = ProcessHandle.current().children().filter(p -> !before.contains(p.pid()))
        .flatMap(p -> Stream.concat(p.descendants(), Stream.of(p)))
        .collect(Collectors.toList());
    started.forEach(ProcessHandle::destroyForcibly);
    CompletableFuture<?>[] exits = started.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(exits).get(GONE_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Killed; a process the kernel has not reaped within the bound is left to it.
    }
  }
}
