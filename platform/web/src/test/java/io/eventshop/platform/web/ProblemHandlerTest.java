package io.eventshop.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class ProblemHandlerTest {

  record Line(@NotBlank String sku, @NotNull @Positive Integer quantity) {
  }

  record Order(@NotBlank String customerId, @NotNull @Valid List<Line> lines) {
  }

  @RestController
  static class Orders {

    @PostMapping("/orders")
    String place(@Valid @RequestBody Order order) {
      return "ok";
    }

    @GetMapping("/orders/{id}")
    String find(@PathVariable String id) {
      throw new NotFound("order", id);
    }

    @PostMapping("/orders/{id}/cancel")
    String cancel(@PathVariable String id) {
      throw new Conflict("order", id, "order " + id + " is rejected and cannot be cancelled");
    }

    @PostMapping("/orders/{id}/price")
    String price(@PathVariable String id) {
      throw new Unprocessable("product", "SKU-9", "unknown product SKU-9");
    }

    @GetMapping("/orders")
    String page(@RequestParam int page) {
      return "ok";
    }

    @GetMapping("/search")
    String search(@RequestParam String q) {
      throw new InvalidInput("q", "has a quote that is not closed");
    }

    @GetMapping("/busy")
    String busy() {
      throw new Unavailable("too busy; try again in a second", java.time.Duration.ofSeconds(1));
    }

    @GetMapping("/boom")
    String boom() {
      throw new IllegalStateException("password=secret at db-7");
    }
  }

  private final MockMvc mvc = mvc();

  private static MockMvc mvc() {
    LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
    validator.afterPropertiesSet();
    return MockMvcBuilders.standaloneSetup(new Orders())
        .setControllerAdvice(new ProblemHandler())
        .setValidator(validator)
        .setMessageConverters(new JacksonJsonHttpMessageConverter(JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build()))
        .build();
  }

  @Test
  void everyInvalidFieldIsNamedInErrorsAndInTheDetail() throws Exception {
    mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON)
            .content("{\"customerId\":\"\",\"lines\":[{\"sku\":\"A-1\",\"quantity\":0}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value(ProblemHandler.INVALID_INPUT.toString()))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.errors[*].field")
            .value(Matchers.contains("customerId", "lines[0].quantity")))
        .andExpect(jsonPath("$.detail").value(Matchers.allOf(
            Matchers.containsString("customerId"), Matchers.containsString("lines[0].quantity"))));
  }

  @Test
  void anUnavailableAnswerThatKnowsWhenToRetrySaysSoInRetryAfter() throws Exception {
    mvc.perform(get("/busy"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(header().string("Retry-After", "1"))
        .andExpect(jsonPath("$.detail").value("too busy; try again in a second"));
  }

  @Test
  void invalidInputAHandlerFoundIsAnsweredLikeABeanValidationFailure() throws Exception {
    mvc.perform(get("/search").param("q", "\"mug"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value(ProblemHandler.INVALID_INPUT.toString()))
        .andExpect(jsonPath("$.errors[0].field").value("q"))
        .andExpect(jsonPath("$.errors[0].message").value("has a quote that is not closed"))
        .andExpect(jsonPath("$.detail").value("invalid input: q has a quote that is not closed"));
  }

  @Test
  void aMissingFieldIsNamed() throws Exception {
    mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON)
            .content("{\"customerId\":\"c-1\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("lines"));
  }

  @Test
  void anUnknownFieldIsNamedWithItsPath() throws Exception {
    mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON)
            .content("{\"customerId\":\"c-1\",\"lines\":[{\"sku\":\"A\",\"quantity\":1,"
                + "\"discount\":5}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("lines[0].discount"))
        .andExpect(jsonPath("$.errors[0].message").value("is not a known field"));
  }

  @Test
  void aValueOfTheWrongTypeIsNamed() throws Exception {
    mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON)
            .content("{\"customerId\":\"c-1\",\"lines\":[{\"sku\":\"A\",\"quantity\":\"many\"}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("lines[0].quantity"));
  }

  @Test
  void malformedJsonIsABadRequestWithoutInternals() throws Exception {
    mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON)
            .content("{\"customerId\": "))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value(ProblemHandler.MALFORMED_JSON.toString()))
        .andExpect(jsonPath("$.detail").value(Matchers.startsWith("malformed JSON")))
        .andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.containsString("tools.jackson"))));
  }

  @Test
  void aParameterOfTheWrongTypeIsNamed() throws Exception {
    mvc.perform(get("/orders").param("page", "first"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("page"));
  }

  @Test
  void shopProblemsCarryTheirStatusAndTheEntityId() throws Exception {
    mvc.perform(get("/orders/o-42"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://eventshop.io/problems/not-found"))
        .andExpect(jsonPath("$.detail").value("order o-42 not found"))
        .andExpect(jsonPath("$.entity").value("order"))
        .andExpect(jsonPath("$.id").value("o-42"));
    mvc.perform(post("/orders/o-42/cancel"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.id").value("o-42"));
    mvc.perform(post("/orders/o-42/price"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.id").value("SKU-9"));
  }

  @Test
  void anUnexpectedErrorIs500WithoutItsMessageOrStackTrace() throws Exception {
    mvc.perform(get("/boom"))
        .andExpect(status().isInternalServerError())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(content().string(Matchers.not(Matchers.containsString("secret"))))
        .andExpect(content().string(Matchers.not(Matchers.containsString("IllegalState"))));
  }

  @Test
  void aWrongContentTypeIs415() throws Exception {
    mvc.perform(post("/orders").contentType(MediaType.TEXT_PLAIN).content("hello"))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
  }
}
