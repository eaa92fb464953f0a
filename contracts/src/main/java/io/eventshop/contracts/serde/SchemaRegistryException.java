package io.eventshop.contracts.serde;

/**
 * The registry refused a request or could not be reached.
 *
 * <p>{@link #errorCode()} is the Confluent error code of the answer (e.g. 40401 subject not found,
 * 40403 schema not found, 409 incompatible, 42201 invalid schema), or {@link #UNREACHABLE} when no
 * answer came.
 */
public class SchemaRegistryException extends RuntimeException {

  /** Error code when the registry gave no answer. */
  public static final int UNREACHABLE = -1;

  private final int status;
  private final int errorCode;

  public SchemaRegistryException(int status, int errorCode, String message) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
  }

  public SchemaRegistryException(String message, Throwable cause) {
    super(message, cause);
    this.status = UNREACHABLE;
    this.errorCode = UNREACHABLE;
  }

  /** The HTTP status of the answer, or {@link #UNREACHABLE}. */
  public int status() {
    return status;
  }

  /** The Confluent error code of the answer, or {@link #UNREACHABLE}. */
  public int errorCode() {
    return errorCode;
  }

  /**
   * Whether {@code error} (or one of its causes) comes from a registry that is unreachable or
   * failing (5xx), as opposed to bytes that are bad in themselves: a consumer should then read the
   * record again later instead of dead-lettering a record that is probably fine.
   */
  public static boolean isTransient(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SchemaRegistryException registry) {
        return registry.status() == UNREACHABLE || registry.status() >= 500;
      }
    }
    return false;
  }
}
