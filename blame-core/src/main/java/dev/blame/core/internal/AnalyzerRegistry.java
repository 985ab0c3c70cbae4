package dev.blame.core.internal;

import dev.blame.api.AnalyzerInfo;
import dev.blame.api.BlameException;
import dev.blame.api.GroupKind;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.Facet;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that loads analyzers and their {@linkplain Facet facets}. Mirrors JUnit's {@code ServiceLoaderTestEngineRegistry}: a provider
 * that cannot be loaded is logged and skipped, two discovered analyzers with one id are rejected naming both
 * classes, discovery can be switched off, and analyzers registered in code win over discovered ones.
 */
public final class AnalyzerRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(AnalyzerRegistry.class);
  /** Stop iterating a ServiceLoader whose iterator keeps failing without advancing. */
  private static final int MAX_CONSECUTIVE_FAILURES = 64;

  private final List<Registered> ordered;
  private final Map<GroupKind, List<Analyzer>> byKind = new ConcurrentHashMap<>();
  private final Map<GroupKind, Set<GroupKind>> readsOf = new ConcurrentHashMap<>();
  private final Map<GroupKind, Set<GroupKind>> linkersOf = new ConcurrentHashMap<>();
  private final Map<GroupKind, Set<GroupKind>> readersOf = new ConcurrentHashMap<>();

  private final List<Facet> facets;
  private final Map<FacetKey, List<? extends Facet>> facetsOf = new ConcurrentHashMap<>();

  private AnalyzerRegistry(List<Registered> ordered, List<Facet> facets) {
    this.ordered = List.copyOf(ordered);
    this.facets = List.copyOf(facets);
  }

  private record FacetKey(Class<?> type, GroupKind kind) {}

  /**
   * @param registered analyzers registered in code, in registration order
   * @param discover whether to look for more with {@link ServiceLoader}
   * @param loader the class loader to search
   * @throws BlameException of kind CONFIGURATION when two analyzers share an id within one origin
   */
  public static AnalyzerRegistry create(List<Analyzer> registered, boolean discover, ClassLoader loader) {
    return create(registered, List.of(), discover, true, loader);
  }

  /**
   * @param registered analyzers registered in code, in registration order
   * @param registeredFacets facets registered in code, in registration order; they come before discovered ones
   * @param discover whether to look for more analyzers with {@link ServiceLoader}
   * @param discoverFacets whether to look for more facets with {@link ServiceLoader}
   * @param loader the class loader to search
   * @throws BlameException of kind CONFIGURATION when two analyzers share an id within one origin
   */
  public static AnalyzerRegistry create(List<Analyzer> registered, List<Facet> registeredFacets, boolean discover,
      boolean discoverFacets, ClassLoader loader) {
    List<Facet> facets = new ArrayList<>();
    for (Facet facet : registeredFacets) {
      facets.add(checked(facet));
    }
    Map<String, Registered> byId = new LinkedHashMap<>();
    for (Analyzer analyzer : registered) {
      Registered r = new Registered(checked(analyzer), AnalyzerInfo.Origin.REGISTERED);
      Registered previous = byId.putIfAbsent(r.analyzer.id(), r);
      if (previous != null) {
        throw duplicate(previous, r);
      }
    }
    if (discover) {
      Map<String, Registered> discovered = new LinkedHashMap<>();
      for (Analyzer analyzer : load(loader)) {
        Registered r;
        try {
          r = new Registered(checked(analyzer), AnalyzerInfo.Origin.DISCOVERED);
        } catch (BlameException e) {
          LOG.warn("Skipping analyzer {}: {}", analyzer.getClass().getName(), e.getMessage());
          continue;
        }
        Registered previous = discovered.putIfAbsent(r.analyzer.id(), r);
        if (previous != null) {
          throw duplicate(previous, r);
        }
      }
      List<Registered> sorted = new ArrayList<>(discovered.values());
      sorted.sort(Comparator.comparing(r -> r.analyzer.id()));
      for (Registered r : sorted) {
        Registered winner = byId.putIfAbsent(r.analyzer.id(), r);
        if (winner != null) {
          LOG.debug("Analyzer {} registered in code replaces discovered {}",
              winner.analyzer.getClass().getName(), r.analyzer.getClass().getName());
        }
      }
    }
    if (discoverFacets) {
      List<Facet> discovered = new ArrayList<>();
      for (Facet facet : load(Facet.class, loader)) {
        try {
          discovered.add(checked(facet));
        } catch (BlameException e) {
          LOG.warn("Skipping facet {}: {}", facet.getClass().getName(), e.getMessage());
        }
      }
      discovered.sort(Comparator.comparing(f -> f.getClass().getName()));
      for (Facet facet : discovered) {
        if (facets.stream().noneMatch(f -> f.getClass().equals(facet.getClass()))) {
          facets.add(facet);
        }
      }
    }
    return new AnalyzerRegistry(new ArrayList<>(byId.values()), facets);
  }

  private static Facet checked(Facet facet) {
    try {
      if (facet.kinds() == null) {
        throw new IllegalStateException("kinds() returned null");
      }
    } catch (RuntimeException e) {
      throw new BlameException(BlameException.Kind.CONFIGURATION,
          "facet " + facet.getClass().getName() + " is unusable: " + e.getMessage(), e);
    }
    return facet;
  }

  /**
   * The facets of a type that speak for a kind, in order: registered ones, then discovered ones by class name.
   *
   * @param type the facet type, e.g. {@code RevisionFacet.class}
   * @param kind the kind of the object asked about
   * @param <T> the facet type
   * @return the facets, possibly empty
   */
  @SuppressWarnings("unchecked")
  public <T extends Facet> List<T> facets(Class<T> type, GroupKind kind) {
    return (List<T>) facetsOf.computeIfAbsent(new FacetKey(type, kind), k -> {
      List<T> matching = new ArrayList<>();
      for (Facet facet : facets) {
        if (type.isInstance(facet) && facet.kinds().matches(kind)) {
          matching.add(type.cast(facet));
        }
      }
      return List.copyOf(matching);
    });
  }

  private static List<Analyzer> load(ClassLoader loader) {
    return load(Analyzer.class, loader);
  }

  private static <T> List<T> load(Class<T> service, ClassLoader loader) {
    List<T> found = new ArrayList<>();
    Iterator<T> it = ServiceLoader.load(service, loader).iterator();
    int failures = 0;
    while (failures < MAX_CONSECUTIVE_FAILURES) {
      try {
        if (!it.hasNext()) {
          break;
        }
        found.add(it.next());
        failures = 0;
      } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
        failures++;
        LOG.warn("Skipping {} that could not be loaded: {}",
            service == Analyzer.class ? "an analyzer" : "a facet", describe(e));
      }
    }
    return found;
  }

  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      text.append(" caused by ").append(cause);
    }
    return text.toString();
  }

  private static Analyzer checked(Analyzer analyzer) {
    String id;
    try {
      id = analyzer.id();
      if (analyzer.kinds() == null) {
        throw new IllegalStateException("kinds() returned null");
      }
    } catch (RuntimeException e) {
      throw new BlameException(BlameException.Kind.CONFIGURATION,
          "analyzer " + analyzer.getClass().getName() + " is unusable: " + e.getMessage(), e);
    }
    if (id == null || id.isBlank()) {
      throw new BlameException(BlameException.Kind.CONFIGURATION,
          "analyzer " + analyzer.getClass().getName() + " has no id; expected a stable, unique id");
    }
    return analyzer;
  }

  private static BlameException duplicate(Registered first, Registered second) {
    return new BlameException(BlameException.Kind.CONFIGURATION,
        "two " + first.origin.name().toLowerCase(java.util.Locale.ROOT) + " analyzers have the id '"
            + first.analyzer.id() + "': " + first.analyzer.getClass().getName() + " and "
            + second.analyzer.getClass().getName() + "; ids must be unique");
  }

  /**
   * The analyzers for a kind, in the order they run: the specific ones (registered first, then discovered
   * by id), or the wildcard fallbacks when no specific analyzer names the kind.
   */
  public List<Analyzer> analyzersFor(GroupKind kind) {
    return byKind.computeIfAbsent(kind, k -> {
      List<Analyzer> specific = new ArrayList<>();
      List<Analyzer> fallback = new ArrayList<>();
      for (Registered r : ordered) {
        if (r.analyzer.kinds().wildcard()) {
          fallback.add(r.analyzer);
        } else if (r.analyzer.kinds().matches(k)) {
          specific.add(r.analyzer);
        }
      }
      return List.copyOf(specific.isEmpty() ? fallback : specific);
    });
  }

  /** Kinds that some analyzer handles by name or reads: what a live source must watch. */
  public Set<GroupKind> declaredKinds() {
    Set<GroupKind> kinds = new LinkedHashSet<>();
    for (Registered r : ordered) {
      kinds.addAll(r.analyzer.kinds().kinds());
      kinds.addAll(r.analyzer.reads());
    }
    return kinds;
  }

  /** What the analyzers of a kind read besides it ({@link Analyzer#reads()}). */
  public Set<GroupKind> readsOf(GroupKind kind) {
    return readsOf.computeIfAbsent(kind, k -> {
      Set<GroupKind> kinds = new LinkedHashSet<>();
      for (Analyzer analyzer : analyzersFor(k)) {
        kinds.addAll(analyzer.reads());
      }
      return Set.copyOf(kinds);
    });
  }

  /**
   * The kinds named by some analyzer whose links may point at objects of this kind ({@link Analyzer#linksTo()}):
   * where to look for what selects, routes to, scales or references such an object.
   */
  public Set<GroupKind> linkersOf(GroupKind target) {
    return linkersOf.computeIfAbsent(target, t -> {
      Set<GroupKind> kinds = new LinkedHashSet<>();
      for (Registered r : ordered) {
        for (GroupKind handled : r.analyzer.kinds().kinds()) {
          if (r.analyzer.linksTo().contains(t) && analyzersFor(handled).contains(r.analyzer)) {
            kinds.add(handled);
          }
        }
      }
      return Set.copyOf(kinds);
    });
  }

  /**
   * The named kinds whose analyzers read objects of this kind or link to them: their verdicts may change when
   * the kind starts or stops being observed.
   */
  public Set<GroupKind> readersOf(GroupKind kind) {
    return readersOf.computeIfAbsent(kind, k -> {
      Set<GroupKind> kinds = new LinkedHashSet<>(linkersOf(k));
      for (GroupKind handled : declaredKinds()) {
        if (readsOf(handled).contains(k)) {
          kinds.add(handled);
        }
      }
      return Set.copyOf(kinds);
    });
  }

  public List<AnalyzerInfo> infos() {
    List<AnalyzerInfo> infos = new ArrayList<>();
    for (Registered r : ordered) {
      infos.add(AnalyzerInfo.builder()
          .id(r.analyzer.id())
          .className(r.analyzer.getClass().getName())
          .location(location(r.analyzer.getClass()))
          .kinds(r.analyzer.kinds().toString())
          .origin(r.origin)
          .build());
    }
    return infos;
  }

  private static String location(Class<?> type) {
    try {
      CodeSource source = type.getProtectionDomain().getCodeSource();
      return source == null || source.getLocation() == null ? "" : source.getLocation().toString();
    } catch (SecurityException e) {
      return "";
    }
  }

  private static final class Registered {
    final Analyzer analyzer;
    final AnalyzerInfo.Origin origin;

    Registered(Analyzer analyzer, AnalyzerInfo.Origin origin) {
      this.analyzer = analyzer;
      this.origin = origin;
    }
  }
}
