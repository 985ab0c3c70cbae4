package dev.blame.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.Verdict;
import java.time.Instant;
import java.util.Map;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/**
 * An Argo CD health script: returns a table {@code hs} whose {@code status} is one of Argo CD's health codes
 * and whose {@code message} is a string. As in Argo CD, a status outside the codes makes the object Unknown;
 * so does a script that fails, runs past its budget or returns something other than a table.
 */
final class LuaRule extends Rule {

  private static final Map<String, Health> CODES = Map.of("Healthy", Health.HEALTHY, "Progressing",
      Health.PROGRESSING, "Degraded", Health.DEGRADED, "Suspended", Health.SUSPENDED, "Missing", Health.MISSING,
      "Unknown", Health.UNKNOWN);

  private final Prototype script;

  private LuaRule(String key, String file, Prototype script) {
    super(key, file);
    this.script = script;
  }

  /**
   * @throws LuaError naming the line when the script does not compile
   */
  static LuaRule compile(String key, String file, String text) {
    return new LuaRule(key, file, LuaSandbox.compile(text, file));
  }

  @Override
  Verdict judge(ObjectRef ref, JsonNode object, Instant now) {
    LuaValue hs;
    try {
      hs = LuaSandbox.run(script, object, now);
    } catch (LuaError e) {
      return failed(ref, "script error: " + firstLine(e.getMessage()));
    } catch (LuaSandbox.BudgetExceeded e) {
      return failed(ref, e.getMessage());
    } catch (RuntimeException e) {
      return failed(ref, "script error: " + e);
    }
    if (!hs.istable()) {
      return failed(ref, "expected the script to return a table (hs), got " + hs.typename());
    }
    LuaValue status = hs.get("status");
    LuaValue message = hs.get("message");
    if (!message.isnil() && !message.isstring()) {
      return failed(ref, "hs.message is a " + message.typename() + ", expected a string");
    }
    String text = message.isnil() ? "" : LuaText.java(message);
    if (!status.isstring() || status.isnumber()) {
      return failed(ref, "hs.status is " + (status.isnil() ? "missing" : "a " + status.typename())
          + ", expected one of " + codes());
    }
    String code = LuaText.java(status);
    Health health = CODES.get(code);
    if (health == null) {
      // Argo CD: "Lua returned an invalid health status", and the resource is Unknown.
      return failed(ref, "hs.status \"" + code + "\" is not a health status; expected one of "
          + codes());
    }
    return verdict(ref, health, text, "hs.status = " + code
        + (text.isEmpty() ? "" : ", hs.message = " + text));
  }

  private static String codes() {
    return String.join(", ", CODES.keySet().stream().sorted().toList());
  }

  private static String firstLine(String message) {
    String text = message == null ? "" : message;
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
