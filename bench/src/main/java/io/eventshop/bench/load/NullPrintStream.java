package io.eventshop.bench.load;

import java.io.OutputStream;
import java.io.PrintStream;

/** Progress nobody needs to see (the rounds of the stock check). */
final class NullPrintStream {

  static final PrintStream INSTANCE = new PrintStream(OutputStream.nullOutputStream());

  private NullPrintStream() {
  }
}
