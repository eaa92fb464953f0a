package io.eventshop.registry.api;

import io.eventshop.registry.RegistryError;
import io.eventshop.registry.api.Bodies.ErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Answers every refusal as Confluent does: {@code {"error_code": …, "message": …}}. */
@RestControllerAdvice
class RegistryErrors {

  private static final Logger LOG = LoggerFactory.getLogger(RegistryErrors.class);
  private static final MediaType V1_JSON = MediaType.parseMediaType(RegistryController.V1_JSON);

  @ExceptionHandler(RegistryError.class)
  ResponseEntity<ErrorMessage> refused(RegistryError error) {
    if (error.status() >= 500) {
      LOG.warn("Schema store failure: {}", error.getMessage());
    }
    return answer(error.status(), error.errorCode(), error.getMessage());
  }

  /** A path or query parameter of the wrong type, e.g. a schema id that is not a number. */
  @ExceptionHandler({MethodArgumentTypeMismatchException.class,
      MissingServletRequestParameterException.class})
  ResponseEntity<ErrorMessage> badParameter(Exception error) {
    return answer(404, 404, "HTTP 404 Not Found: " + error.getMessage());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ErrorMessage> noSuchPath(NoResourceFoundException error) {
    return answer(404, 404, "HTTP 404 Not Found");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ErrorMessage> noSuchMethod(HttpRequestMethodNotSupportedException error) {
    return answer(405, 405, "HTTP 405 Method Not Allowed");
  }

  private static ResponseEntity<ErrorMessage> answer(int status, int code, String message) {
    return ResponseEntity.status(status).contentType(V1_JSON)
        .body(new ErrorMessage(code, message));
  }
}
