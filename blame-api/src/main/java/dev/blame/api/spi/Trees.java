package dev.blame.api.spi;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The mapper behind {@link GraphView#tree}'s default: fabric8's model is Jackson-annotated. */
final class Trees {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Trees() {}
}
