package dev.blame.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.Verdict;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Flux-style {@code healthCheckExprs} entry, with Flux's semantics (fluxcd/pkg {@code runtime/cel},
 * RFC 0009): an object whose {@code status.observedGeneration} differs from {@code metadata.generation} is in
 * progress; otherwise {@code inProgress}, {@code failed} and {@code current} are evaluated in that order and
 * the first true one decides (Progressing, Degraded, Healthy); none true is in progress. The expressions see
 * the object's top-level fields as variables ({@code apiVersion}, {@code kind}, {@code metadata},
 * {@code spec}, {@code status}, {@code data}), with CEL's optional syntax and the strings, sets and encoders extensions, as
 * in Flux. An expression that fails on an object (a field that is absent, a result that is not a bool) makes
 * it Unknown, naming the expression.
 */
final class CelRule extends Rule {

  static final List<String> VARIABLES = List.of("apiVersion", "kind", "metadata", "spec", "status", "data");

  private static final CelOptions OPTIONS = CelOptions.current()
      .enableHeterogeneousNumericComparisons(true)
      .enableOptionalSyntax(true)
      .comprehensionMaxIterations(100_000)
      .build();

  private static final Cel CEL = build();

  private final List<Check> checks;

  private record Check(String field, String expression, CelRuntime.Program program, Health health) {}

  private CelRule(String key, String file, List<Check> checks) {
    super(key, file);
    this.checks = checks;
  }

  private static Cel build() {
    var builder = CelFactory.standardCelBuilder().setOptions(OPTIONS)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addCompilerLibraries(CelExtensions.strings(), CelExtensions.sets(OPTIONS), CelExtensions.encoders(),
            CelExtensions.optional())
        .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.sets(OPTIONS), CelExtensions.encoders(),
            CelExtensions.optional());
    for (String variable : VARIABLES) {
      builder.addVar(variable, SimpleType.DYN);
    }
    return builder.build();
  }

  /**
   * Compiles an entry's expressions ({@code current} required, the others optional: null or empty).
   *
   * @throws IllegalArgumentException naming the field and the expression when one does not compile
   */
  static CelRule compile(String key, String file, String current, String inProgress, String failed) {
    if (current == null || current.isBlank()) {
      throw new IllegalArgumentException("current is required (a CEL expression true when the object is healthy)");
    }
    List<Check> checks = new ArrayList<>();
    add(checks, "inProgress", inProgress, Health.PROGRESSING);
    add(checks, "failed", failed, Health.DEGRADED);
    add(checks, "current", current, Health.HEALTHY);
    return new CelRule(key, file, List.copyOf(checks));
  }

  private static void add(List<Check> checks, String field, String expression, Health health) {
    if (expression == null || expression.isBlank()) {
      return;
    }
    CelValidationResult result = CEL.compile(expression);
    if (result.hasError()) {
      String error = result.getErrorString().strip();
      int nl = error.indexOf('\n');
      throw new IllegalArgumentException(field + " " + quoted(expression) + " does not compile: "
          + (nl < 0 ? error : error.substring(0, nl)).strip());
    }
    try {
      checks.add(new Check(field, expression, CEL.createProgram(result.getAst()), health));
    } catch (CelEvaluationException | dev.cel.common.CelValidationException e) {
      throw new IllegalArgumentException(field + " " + quoted(expression) + " does not compile: " + e.getMessage(),
          e);
    }
  }

  @Override
  Verdict judge(ObjectRef ref, JsonNode object, Instant now) {
    JsonNode observed = object.path("status").path("observedGeneration");
    JsonNode generation = object.path("metadata").path("generation");
    if (observed.isIntegralNumber() && generation.isIntegralNumber()
        && observed.longValue() != generation.longValue()) {
      return verdict(ref, Health.PROGRESSING, "status.observedGeneration " + observed.longValue()
          + " is behind metadata.generation " + generation.longValue(), "observedGeneration "
          + observed.longValue() + " != generation " + generation.longValue());
    }
    // A variable the object lacks (no status yet) is an empty map, so that status.?phase works on it; Flux
    // fails such an expression instead, and an expression that reads status.phase directly still fails here.
    Map<String, Object> variables = new LinkedHashMap<>();
    for (String variable : VARIABLES) {
      JsonNode value = object.get(variable);
      variables.put(variable, value == null || value.isNull() ? Map.of() : toCel(value));
    }
    for (Check check : checks) {
      Object value;
      try {
        value = check.program().eval(variables);
      } catch (CelEvaluationException | RuntimeException e) {
        return failed(ref, check.field() + " " + quoted(check.expression()) + " failed: " + e.getMessage());
      }
      if (!(value instanceof Boolean)) {
        return failed(ref, check.field() + " " + quoted(check.expression()) + " returned " + value
            + ", expected a bool");
      }
      if ((Boolean) value) {
        return verdict(ref, check.health(), "", check.field() + ": " + check.expression());
      }
    }
    return verdict(ref, Health.PROGRESSING, "no expression is true yet", "none of inProgress, failed, current");
  }

  /** The most characters of an expression an error quotes before what went wrong. */
  static final int QUOTED_MAX = 200;

  /**
   * {@code 'status.phase == ...'}: the expression as an error names it, whole up to {@link #QUOTED_MAX} characters,
   * else its start and how many more. Quoted whole, a long expression (cel-java refuses one past 100,000 code points)
   * pushed the reason past the 2,048 characters a terminal line keeps, and past the 1,000 a rule's message keeps.
   */
  static String quoted(String expression) {
    int length = expression.codePointCount(0, expression.length());
    if (length <= QUOTED_MAX) {
      return "'" + expression + "'";
    }
    return "'" + expression.substring(0, expression.offsetByCodePoints(0, QUOTED_MAX)) + "…' ("
        + (length - QUOTED_MAX) + " more characters)";
  }

  /** JSON as CEL values: maps, lists, int (long), double, string, bool, null. */
  static Object toCel(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return dev.cel.common.values.NullValue.NULL_VALUE;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(f -> map.put(f.getKey(), toCel(f.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(toCel(item)));
      return list;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return node.asText();
  }
}
