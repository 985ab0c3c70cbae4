package dev.blame.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code kubectl-blame __train} (hidden): what the launcher runs once, in the background, to record the classes a
 * run loads into a class-data archive (CDS, or Java 25's AOT cache): the usage texts, an offline blame in each
 * format, and a live blame on the embedded demo cluster. Prints nothing.
 */
@Command(name = "__train", hidden = true, description = "Loads what a run loads, for a class-data archive.")
final class TrainCommand implements Callable<Integer> {

  static final String DUMP = """
      apiVersion: v1
      kind: List
      items:
      - apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: train, uid: d1, generation: 2, labels: {app: web},
          annotations: {deployment.kubernetes.io/revision: "2"}, creationTimestamp: "2026-01-01T00:00:00Z"}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: "web:2"}]}
        status:
          observedGeneration: 2
          replicas: 1
          conditions:
          - {type: Progressing, status: "True", reason: ReplicaSetUpdated, lastUpdateTime: "2026-01-01T00:01:00Z"}
      - apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: web-2, namespace: train, uid: r2, labels: {app: web},
          annotations: {deployment.kubernetes.io/revision: "2"}, creationTimestamp: "2026-01-01T00:00:30Z",
          ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: d1, controller: true}]}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: "web:2"}]}
        status: {replicas: 1, observedGeneration: 1}
      - apiVersion: v1
        kind: Pod
        metadata: {name: web-2-a, namespace: train, uid: p1, labels: {app: web}, creationTimestamp: "2026-01-01T00:00:31Z",
          ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-2, uid: r2, controller: true}]}
        spec: {containers: [{name: web, image: "web:2"}]}
        status:
          phase: Running
          containerStatuses:
          - name: web
            ready: false
            restartCount: 3
            image: "web:2"
            imageID: ""
            state: {waiting: {reason: CrashLoopBackOff, message: back-off}}
            lastState: {terminated: {exitCode: 1, reason: Error, finishedAt: "2026-01-01T00:00:50Z"}}
      - apiVersion: v1
        kind: Event
        metadata: {name: web-2-a.1, namespace: train}
        involvedObject: {apiVersion: v1, kind: Pod, name: web-2-a, namespace: train, uid: p1}
        reason: BackOff
        type: Warning
        message: Back-off restarting failed container
        count: 3
        lastTimestamp: "2026-01-01T00:01:00Z"
      """;

  private final Cli cli;

  TrainCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() throws IOException {
    Path dump = Files.createTempFile("kubectl-blame-train", ".yaml");
    try {
      Files.writeString(dump, DUMP, StandardCharsets.UTF_8);
      String file = dump.toString();
      List<List<String>> runs = List.of(
          List.of("--help"), List.of("--version"), List.of("status", "--help"), List.of("wait", "--help"),
          List.of("-f", file, "deploy/web"), List.of("-f", file, "deploy", "web", "-o", "json"),
          List.of("-f", file, "deploy/web", "-o", "yaml"), List.of("-f", file, "status"),
          List.of("analyzers"), List.of("__complete", "dep"), List.of("no-such-type/x"),
          List.of("demo"), List.of("demo", "-o", "json"));
      for (List<String> args : runs) {
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        Cli quiet = new Cli(none, none, new ByteArrayInputStream(new byte[0]), Map.of(), false, cli.engine,
            cli.command);
        BlameCli.run(quiet, args.toArray(String[]::new));
      }
      return ExitCode.OK;
    } finally {
      Files.deleteIfExists(dump);
    }
  }
}
