package dev.blame.demo;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Wraps the mock's attribute extractor so that list and watch requests understand set-based label
 * selectors ({@code in}, {@code notin}) and commas inside value sets; the mock's own parser splits on
 * every comma and silently ignores what it cannot parse, so everything matched.
 */
final class SelectorAttributesExtractor extends KubernetesAttributesExtractor {

  private final KubernetesAttributesExtractor delegate;

  SelectorAttributesExtractor(KubernetesAttributesExtractor delegate) {
    this.delegate = delegate;
  }

  @Override
  public AttributeSet fromPath(String path) {
    return withDecodedNames(fromCanonicalPath(path == null || path.isEmpty() ? path : PathNames.canonical(path)));
  }

  /**
   * The mock matches the name as it is escaped in the path against the stored (decoded) name; the API server
   * decodes the path first ({@link PathNames}).
   */
  private static AttributeSet withDecodedNames(AttributeSet attributes) {
    AttributeSet decoded = attributes;
    for (String key : List.of(NAME, NAMESPACE)) {
      Attribute attribute = attributes.getAttribute(key);
      if (attribute != null && attribute.getValues().size() == 1) {
        String value = attribute.getValues().get(0).toString();
        String name = PathNames.decode(value);
        if (!name.equals(value)) {
          decoded = decoded.add(new Attribute(key, name));
        }
      }
    }
    return decoded;
  }

  private AttributeSet fromCanonicalPath(String path) {
    int q = path == null ? -1 : path.indexOf('?');
    if (q < 0) {
      return delegate.fromPath(path);
    }
    String selector = null;
    List<String> rest = new ArrayList<>();
    for (String param : path.substring(q + 1).split("&")) {
      if (param.startsWith("labelSelector=")) {
        selector = URLDecoder.decode(param.substring("labelSelector=".length()), StandardCharsets.UTF_8);
      } else {
        rest.add(param);
      }
    }
    String stripped = path.substring(0, q) + (rest.isEmpty() ? "" : "?" + String.join("&", rest));
    AttributeSet attributes = delegate.fromPath(stripped);
    if (selector != null) {
      Attribute[] labels = LabelSelectors.parse(selector).stream().map(LabelSelectors.Requirement::toAttribute)
          .toArray(Attribute[]::new);
      attributes = attributes.add(labels);
    }
    return attributes;
  }

  @Override
  public Map<String, String> fromKubernetesPath(String s) {
    Map<String, String> attributes = new java.util.HashMap<>(
        delegate.fromKubernetesPath(s == null || s.isEmpty() ? s : PathNames.canonical(s)));
    attributes.replaceAll((key, value) -> NAME.equals(key) || NAMESPACE.equals(key) ? PathNames.decode(value) : value);
    return attributes;
  }

  @Override
  public AttributeSet fromResource(String s) {
    return delegate.fromResource(s);
  }

  @Override
  public AttributeSet extract(HasMetadata hasMetadata) {
    return delegate.extract(hasMetadata);
  }
}
