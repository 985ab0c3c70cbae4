package dev.blame.cli;

import dev.blame.core.BlameEngine;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The manifests given with {@code -f}: a file, a directory (its {@code .yaml}, {@code .yml} and {@code .json}
 * regular files, recursively, in name order), anything else that opens (a FIFO, a device) or {@code -} for stdin.
 * Each is opened once and read through a cap counted as the bytes arrive ({@code --max-input-bytes}), so
 * {@code -f /dev/zero} stops at the cap instead of filling the memory.
 */
final class Inputs {

  static final String FLAG = "--max-input-bytes";
  private static final Pattern SIZE = Pattern.compile("(\\d{1,19})(Ki|Mi|Gi)?");

  private Inputs() {}

  /** {@code 1048576}, {@code 512Ki}, {@code 256Mi}, {@code 2Gi}. */
  static long parseSize(String text) {
    Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) {
      throw new CliException(FLAG + " \"" + text + "\" is not a size such as 256Mi, 1Gi or 1048576 (bytes)");
    }
    try {
      long n = Long.parseLong(m.group(1));
      int shift = m.group(2) == null ? 0 : m.group(2).equals("Ki") ? 10 : m.group(2).equals("Mi") ? 20 : 30;
      if (n <= 0 || n > (Integer.MAX_VALUE - 8L) >> shift) {
        throw new NumberFormatException();
      }
      return n << shift;
    } catch (NumberFormatException e) {
      throw new CliException(FLAG + " \"" + text + "\" is out of range: give 1 to 2047Mi");
    }
  }

  /** The objects in one {@code -f} argument. */
  static List<HasMetadata> read(Cli cli, String name, long cap) {
    if (name.equals("-")) {
      return parse("-f - (stdin)", "<stdin>", cli.in, cap);
    }
    Path path = cli.path(name);
    if (!Files.exists(path)) {
      throw new CliException(name + ": no such file or directory; expected a manifest file or a directory of them");
    }
    if (!Files.isDirectory(path)) {
      return readOne(name, path, cap);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(path)) {
      files = walk.filter(Files::isRegularFile).filter(Inputs::isManifest).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      throw new CliException(name + ": cannot list the directory");
    }
    List<HasMetadata> objects = new ArrayList<>();
    for (Path file : files) {
      // Named as the user's path names it, wherever the run's working directory is.
      objects.addAll(readOne(Path.of(name).resolve(path.relativize(file)).toString(), file, cap));
    }
    return objects;
  }

  private static List<HasMetadata> readOne(String name, Path path, long cap) {
    try (InputStream in = Files.newInputStream(path)) {
      return parse(name, name, in, cap);
    } catch (AccessDeniedException e) {
      throw new CliException(name + ": cannot read: permission denied");
    } catch (IOException e) {
      throw new CliException(name + ": cannot read (I/O error)");
    }
  }

  private static List<HasMetadata> parse(String what, String source, InputStream in, long cap) {
    byte[] bytes;
    try {
      bytes = readCapped(what, in, cap);
    } catch (IOException e) {
      throw new CliException(what + ": cannot read (I/O error)");
    }
    return BlameEngine.readManifests(source, new ByteArrayInputStream(bytes), cap);
  }

  /** All bytes of a stream; more than {@code cap} fails as soon as the byte after the cap arrives. */
  static byte[] readCapped(String what, InputStream in, long cap) throws IOException {
    byte[] buffer = new byte[(int) Math.min(cap + 1, 1 << 16)];
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    long total = 0;
    int n;
    while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, cap + 1 - total))) > 0) {
      total += n;
      if (total > cap) {
        throw new CliException(what + ": larger than " + human(cap) + "; raise the limit with " + FLAG);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  static String human(long bytes) {
    if (bytes % (1 << 30) == 0) {
      return (bytes >> 30) + "Gi (" + bytes + " bytes)";
    }
    if (bytes % (1 << 20) == 0) {
      return (bytes >> 20) + "Mi (" + bytes + " bytes)";
    }
    return bytes + " bytes";
  }

  private static boolean isManifest(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }
}
