package dev.blame.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Map;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.BaseLib;
import org.luaj.vm2.lib.DebugLib;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.jse.JseMathLib;

/**
 * Runs one compiled Argo CD health script on one object, in a fresh, sandboxed LuaJ state: the base library
 * without {@code load}, {@code loadstring}, {@code loadfile}, {@code dofile}, {@code require},
 * {@code collectgarbage} and with a silent {@code print}; {@code string} (with a bounded {@code rep}),
 * {@code table} and {@code math}; an {@code os} table with {@code time} and {@code difftime} only, on the
 * engine's clock; no {@code io}, {@code debug}, {@code package}, {@code coroutine} or {@code luajava}. A call
 * stops after {@link #MAX_INSTRUCTIONS} VM instructions or {@link #MAX_TIME}, whichever comes first. Lua 5.1
 * names Argo CD's gopher-lua offers and LuaJ (Lua 5.2) lacks are aliased: {@code table.getn}, {@code unpack},
 * {@code math.pow}, {@code math.mod}, {@code string.gfind}.
 */
final class LuaSandbox {

  /** Instructions one call may run; Argo CD's scripts need a few thousand. */
  static final long MAX_INSTRUCTIONS = 2_000_000;
  /** Wall time one call may take (Argo CD gives its scripts one second). */
  static final Duration MAX_TIME = Duration.ofSeconds(1);
  /** The longest string {@code string.rep} builds. */
  static final int MAX_REP = 1 << 20;

  private LuaSandbox() {}

  /**
   * Compiles a script once.
   *
   * @throws LuaError with the line when it does not compile
   */
  static Prototype compile(String script, String name) {
    LuaCompileErrors.Source source = new LuaCompileErrors.Source(LuaText.utf8(script));
    try {
      return LuaC.instance.compile(source, "@" + name);
    } catch (IOException e) {
      throw new LuaError(e.getMessage());
    } catch (RuntimeException e) {
      throw LuaCompileErrors.explain(e, name, source);
    }
  }

  /**
   * Runs a compiled script with {@code obj} set to the object.
   *
   * @return the script's first return value
   * @throws LuaError when the script fails, or {@link BudgetExceeded} when it runs out of instructions or time
   */
  static LuaValue run(Prototype script, JsonNode object, Instant now) {
    Budget budget = new Budget(MAX_INSTRUCTIONS, System.nanoTime() + MAX_TIME.toNanos());
    Globals globals = globals(budget, now);
    globals.set("obj", toLua(object));
    try {
      Varargs result = new LuaClosure(script, globals).invoke(LuaValue.NONE);
      return result.arg1();
    } catch (StackOverflowError e) {
      throw new LuaError("stack overflow");
    }
  }

  private static Globals globals(Budget budget, Instant now) {
    Globals g = new Globals();
    g.load(new BaseLib());
    // The other libraries register themselves in package.loaded; package itself is removed below.
    g.load(new PackageLib());
    g.load(new TableLib());
    g.load(new StringLib());
    g.load(new JseMathLib());
    g.load(budget);
    for (String name : new String[] {"load", "loadstring", "loadfile", "dofile", "require", "collectgarbage",
        "module", "debug", "package", "io", "os", "coroutine", "luajava"}) {
      g.set(name, LuaValue.NIL);
    }
    g.set("error", new LuaText.ErrorFunction());
    g.set("print", new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        return LuaValue.NONE;
      }
    });
    LuaTable table = g.get("table").checktable();
    table.set("getn", new OneArgFunction() {
      @Override
      public LuaValue call(LuaValue t) {
        return t.len();
      }
    });
    g.set("unpack", table.get("unpack"));
    LuaTable string = g.get("string").checktable();
    string.set("dump", LuaValue.NIL);
    string.set("gfind", string.get("gmatch"));
    LuaValue rep = string.get("rep");
    string.set("rep", new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        long length = (long) args.checkstring(1).length() * Math.max(0, args.checkint(2));
        if (length > MAX_REP) {
          throw new LuaError("string.rep: result longer than " + MAX_REP + " characters");
        }
        return rep.invoke(args);
      }
    });
    LuaTable math = g.get("math").checktable();
    math.set("mod", math.get("fmod"));
    if (math.get("pow").isnil()) {
      math.set("pow", new VarArgFunction() {
        @Override
        public Varargs invoke(Varargs args) {
          return LuaValue.valueOf(Math.pow(args.checkdouble(1), args.checkdouble(2)));
        }
      });
    }
    LuaTable os = new LuaTable();
    long seconds = now.getEpochSecond();
    os.set("time", new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        if (args.narg() > 0 && !args.arg1().isnil()) {
          LuaTable t = args.checktable(1);
          LocalDateTime time = LocalDateTime.of(t.get("year").checkint(),
              t.get("month").checkint(), t.get("day").checkint(), t.get("hour").optint(12),
              t.get("min").optint(0), t.get("sec").optint(0));
          return LuaValue.valueOf(time.toEpochSecond(ZoneOffset.UTC));
        }
        return LuaValue.valueOf(seconds);
      }
    });
    os.set("difftime", new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        return LuaValue.valueOf(args.checkdouble(1) - args.optdouble(2, 0));
      }
    });
    g.set("os", os);
    return g;
  }

  /** JSON as Argo CD hands it to Lua: objects and arrays as tables (arrays from 1), numbers, strings, nil. */
  static LuaValue toLua(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return LuaValue.NIL;
    }
    if (node.isObject()) {
      LuaTable table = new LuaTable(0, node.size());
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        LuaValue value = toLua(field.getValue());
        if (!value.isnil()) {
          table.rawset(LuaText.lua(field.getKey()), value);
        }
      }
      return table;
    }
    if (node.isArray()) {
      LuaTable table = new LuaTable(node.size(), 0);
      int i = 1;
      for (JsonNode item : node) {
        table.rawset(i++, toLua(item));
      }
      return table;
    }
    if (node.isBoolean()) {
      return LuaValue.valueOf(node.booleanValue());
    }
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return LuaValue.valueOf(node.intValue());
    }
    if (node.isNumber()) {
      return LuaValue.valueOf(node.doubleValue());
    }
    return LuaText.lua(node.asText());
  }

  /** Thrown from the instruction hook; an Error so that a script's {@code pcall} cannot swallow it. */
  static final class BudgetExceeded extends Error {
    private static final long serialVersionUID = 1L;

    BudgetExceeded(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Counts instructions and checks the deadline. Loaded as the state's debug library so that LuaJ calls it
   * on every instruction; the {@code debug} table it registers is removed before the script runs.
   */
  private static final class Budget extends DebugLib {
    private long left;
    private final long deadline;

    Budget(long instructions, long deadline) {
      this.left = instructions;
      this.deadline = deadline;
    }

    @Override
    public void onInstruction(int pc, Varargs v, int top) {
      if (--left < 0) {
        left = 0;
        throw new BudgetExceeded("stopped after " + MAX_INSTRUCTIONS + " instructions (an endless loop?)");
      }
      if ((left & 0x3ff) == 0 && System.nanoTime() > deadline) {
        left = 0;
        throw new BudgetExceeded("stopped after " + MAX_TIME.toMillis() + " ms");
      }
    }
  }
}
