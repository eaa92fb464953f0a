package io.eventshop.contracts;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Lets Avro instantiate the generated contract classes.
 *
 * <p>Why: since 1.11.4 Avro only loads classes it trusts when it resolves a schema name to a Java
 * class (a {@code SpecificDatumReader} does that for every record and union branch), and our
 * generated classes are not trusted by default. Instead of a system property every service and
 * test would have to set, the catalogue and the serdes call {@link #trustForAvro()} before they
 * touch Avro; the classes of every other package stay as Avro's default (or the system
 * properties) decide.
 */
public final class ContractClasses {

  /** The package of every generated contract class. */
  public static final String PACKAGE = "io.eventshop.contracts";

  private static boolean trusted;

  private ContractClasses() {
  }

  /** Adds the contract classes to the classes Avro may load; idempotent. */
  public static synchronized void trustForAvro() {
    if (trusted) {
      return;
    }
    ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
        ClassSecurityValidator.getGlobal(),
        type -> type.getName().startsWith(PACKAGE + ".")));
    trusted = true;
  }
}
