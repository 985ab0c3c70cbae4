package dev.blame.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The objects a command names, as kubectl reads them: {@code TYPE}, {@code TYPE NAME NAME...},
 * {@code TYPE[,TYPE] NAME...} or {@code TYPE/NAME TYPE/NAME...}. Every argument is used or refused, never dropped.
 */
final class Targets {

  /** One type as typed, and the names given for it; no names: every object of the type (or those selected). */
  record Target(String type, List<String> names) {}

  private Targets() {}

  /** @throws CliException naming the argument that does not fit */
  static List<Target> parse(List<String> args, String example) {
    List<Target> targets = new ArrayList<>();
    if (args.isEmpty()) {
      return targets;
    }
    boolean slashed = args.stream().anyMatch(a -> a.contains("/"));
    if (slashed) {
      for (String arg : args) {
        int slash = arg.indexOf('/');
        if (slash < 0) {
          throw new CliException("\"" + arg + "\" is not TYPE/NAME: when one object is given as TYPE/NAME, all "
              + "must be, e.g. '" + example + "'");
        }
        String type = arg.substring(0, slash);
        String name = arg.substring(slash + 1);
        if (type.isEmpty() || name.isEmpty() || name.contains("/") || type.contains(",")) {
          throw new CliException("\"" + arg + "\" is not TYPE/NAME, e.g. '" + example + "'");
        }
        targets.add(new Target(type, List.of(name)));
      }
      return targets;
    }
    List<String> names = args.subList(1, args.size());
    for (String type : args.get(0).split(",", -1)) {
      if (type.isEmpty()) {
        throw new CliException("\"" + args.get(0) + "\" has an empty resource type; write TYPE or TYPE,TYPE");
      }
      targets.add(new Target(type, List.copyOf(names)));
    }
    return targets;
  }
}
