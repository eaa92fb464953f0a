package io.eventshop.launcher.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** What a service's problem+json answer says, in one line for a terminal. */
public final class ProblemText {

  private ProblemText() {
  }

  /** The first field error's message, else the detail, else the body as it came. */
  public static String reason(String body) {
    try {
      JsonNode problem = Json.MAPPER.readTree(body);
      JsonNode errors = problem.path("errors");
      return errors.isArray() && !errors.isEmpty() ? errors.get(0).path("message").asText()
          : problem.path("detail").asText(body);
    } catch (IOException e) {
      return body;
    }
  }
}
