package io.eventshop.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error of a REST handler into an RFC 9457 {@code application/problem+json} document:
 * Spring MVC's own errors (404 unknown route, 405, 415, …) through
 * {@link ResponseEntityExceptionHandler}, plus
 * <ul>
 *   <li>invalid input (bean validation, unknown or unreadable JSON fields, malformed JSON, bad
 *       parameters, {@link InvalidInput} thrown by a handler): 400 with {@code errors: [{field, message}]} and a {@code detail} naming
 *       every field;</li>
 *   <li>bodies over {@code eventshop.http.max-request-body}: 413;</li>
 *   <li>{@link ShopProblem}s thrown by services: their status, type and properties;</li>
 *   <li>anything else: 500 without internals (the stack trace goes to the log only).</li>
 * </ul>
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
  static final URI INVALID_INPUT = URI.create(ShopProblem.TYPE_BASE + "invalid-input");
  static final URI MALFORMED_JSON = URI.create(ShopProblem.TYPE_BASE + "malformed-json");
  static final URI TOO_LARGE = URI.create(ShopProblem.TYPE_BASE + "request-too-large");
  static final URI INTERNAL = URI.create(ShopProblem.TYPE_BASE + "internal-error");

  @ExceptionHandler(ShopProblem.class)
  ResponseEntity<Object> shopProblem(ShopProblem problem, WebRequest request) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
    body.setType(problem.type());
    problem.properties().forEach(body::setProperty);
    HttpHeaders headers = new HttpHeaders();
    if (problem instanceof Unavailable unavailable) {
      unavailable.retryAfter().ifPresent(after ->
          headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, after.toSeconds()))));
    }
    return createResponseEntity(body, headers, problem.status(), request);
  }

  @ExceptionHandler(InvalidInput.class)
  ResponseEntity<Object> invalidInput(InvalidInput invalid, WebRequest request) {
    return invalid(invalid.problems(), request);
  }

  @ExceptionHandler(RequestBodyTooLarge.class)
  ResponseEntity<Object> tooLarge(RequestBodyTooLarge tooLarge, WebRequest request) {
    return tooLargeResponse(tooLarge, request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception error, WebRequest request) {
    log.error("unexpected error on {}", request.getDescription(false), error);
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "an unexpected error occurred; the service log has the details");
    body.setType(INTERNAL);
    return createResponseEntity(body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return invalid(fieldProblems(ex.getBindingResult()), request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    for (ParameterValidationResult result : ex.getParameterValidationResults()) {
      if (result instanceof ParameterErrors errors) {
        problems.addAll(fieldProblems(errors));
      } else {
        String parameter = result.getMethodParameter().getParameterName();
        for (MessageSourceResolvable error : result.getResolvableErrors()) {
          problems.add(new FieldProblem(parameter, error.getDefaultMessage()));
        }
      }
    }
    return invalid(problems, request);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String field = Objects.requireNonNullElse(ex.getPropertyName(), "parameter");
    return invalid(List.of(new FieldProblem(field, "cannot be read as "
        + (ex.getRequiredType() == null ? "the expected type"
        : ex.getRequiredType().getSimpleName()))), request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    RequestBodyTooLarge tooLarge = causeOf(ex, RequestBodyTooLarge.class);
    if (tooLarge != null) {
      return tooLargeResponse(tooLarge, request);
    }
    UnrecognizedPropertyException unknown = causeOf(ex, UnrecognizedPropertyException.class);
    if (unknown != null) {
      return invalid(List.of(new FieldProblem(pathOf(unknown), "is not a known field")), request);
    }
    StreamReadException malformed = causeOf(ex, StreamReadException.class);
    if (malformed != null) {
      ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "malformed JSON: " + malformed.getOriginalMessage());
      body.setType(MALFORMED_JSON);
      return createResponseEntity(body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }
    JacksonException unreadable = causeOf(ex, JacksonException.class);
    if (unreadable != null && !unreadable.getPath().isEmpty()) {
      return invalid(List.of(new FieldProblem(pathOf(unreadable), "has a value of the wrong type")),
          request);
    }
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        ex.getCause() == null ? "the request body is missing" : "the request body cannot be read");
    body.setType(MALFORMED_JSON);
    return createResponseEntity(body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
  }

  /** Every problem body leaves as {@code application/problem+json}, whatever the Accept header. */
  @Override
  protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers,
      HttpStatusCode statusCode, WebRequest request) {
    HttpHeaders problemHeaders = new HttpHeaders();
    problemHeaders.addAll(headers);
    problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return new ResponseEntity<>(body, problemHeaders, statusCode);
  }

  private ResponseEntity<Object> invalid(List<FieldProblem> problems, WebRequest request) {
    List<FieldProblem> sorted = problems.stream()
        .sorted((a, b) -> a.field().compareTo(b.field()))
        .toList();
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "invalid input: " + sorted.stream().map(FieldProblem::toString)
            .collect(Collectors.joining("; ")));
    body.setType(INVALID_INPUT);
    body.setTitle("Invalid input");
    body.setProperty("errors", sorted);
    return createResponseEntity(body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
  }

  private ResponseEntity<Object> tooLargeResponse(RequestBodyTooLarge tooLarge,
                                                  WebRequest request) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
        "the request body is larger than " + tooLarge.limit() + " bytes");
    body.setType(TOO_LARGE);
    return createResponseEntity(body, new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE, request);
  }

  private static List<FieldProblem> fieldProblems(Errors result) {
    List<FieldProblem> problems = new ArrayList<>();
    for (FieldError error : result.getFieldErrors()) {
      problems.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
    }
    result.getGlobalErrors().forEach(error ->
        problems.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
    return problems;
  }

  /** The JSON path of the field, e.g. {@code lines[0].quantity}. */
  static String pathOf(JacksonException error) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : error.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  private static <T extends Throwable> T causeOf(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
