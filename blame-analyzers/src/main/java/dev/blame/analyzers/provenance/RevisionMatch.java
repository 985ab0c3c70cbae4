package dev.blame.analyzers.provenance;

import dev.blame.api.Node;
import dev.blame.api.spi.Revision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What the revision facets share: numbers from annotations, and a pod's revision by the hash label it carries. */
public final class RevisionMatch {

  private RevisionMatch() {}

  /**
   * The revision an object belongs to: a holder is its own; a pod, the revision whose hash its label carries.
   *
   * @param object a holder or a pod
   * @param revisions the workload's revisions
   * @param hashLabels the labels a pod carries its revision's hash in, first present wins
   * @return its revision, or empty
   */
  public static Optional<Revision> of(Node object, List<Revision> revisions, String... hashLabels) {
    for (Revision r : revisions) {
      if (r.holder().ref().equals(object.ref())) {
        return Optional.of(r);
      }
    }
    String hash = null;
    for (String label : hashLabels) {
      hash = object.labels().get(label);
      if (hash != null) {
        break;
      }
    }
    if (hash == null) {
      return Optional.empty();
    }
    String h = hash;
    // A ControllerRevision's hash label may be the name's suffix or the whole name (<workload>-<hash>).
    return revisions.stream()
        .filter(r -> r.ref().hash().map(x -> h.equals(x) || h.endsWith("-" + x)).orElse(false)
            || r.holder().ref().name().equals(h))
        .findFirst();
  }

  /**
   * Sorts revisions by number, then by holder.
   *
   * @param revisions the revisions, sorted in place
   * @return the same list
   */
  public static List<Revision> sorted(List<Revision> revisions) {
    revisions.sort(Comparator.comparingLong(Revision::number).thenComparing(r -> r.holder().ref()));
    return revisions;
  }

  /**
   * A number from an annotation or label.
   *
   * @param text the text, possibly null
   * @return the number, or 0 when absent or not a number
   */
  public static long number(String text) {
    try {
      return text == null ? 0 : Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * Comma-separated revision numbers, as {@code deployment.kubernetes.io/revision-history} holds them.
   *
   * @param annotation the text, possibly null
   * @return the positive numbers, in order
   */
  public static List<Long> history(String annotation) {
    List<Long> numbers = new ArrayList<>();
    if (annotation != null) {
      for (String part : annotation.split(",")) {
        long n = number(part.trim());
        if (n > 0) {
          numbers.add(n);
        }
      }
    }
    return numbers;
  }
}
