package io.eventshop.launcher.sql;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The lines of a streamed response, taken one at a time by the thread that prints them, and
 * {@link #cancel() cancellable} from another. Not {@code BodyHandlers.ofInputStream()}: on Java
 * 17 closing that stream cancels the request but leaves a thread blocked in {@code read()}
 * waiting for ever. Lines are requested one by one, so a slow terminal slows the stream.
 */
final class PushStream implements HttpResponse.BodyHandler<Void>, Flow.Subscriber<String> {

  /** The end of the lines: the body completed, or the stream was cancelled. */
  private static final Object END = new Object();

  private final BlockingQueue<Object> lines = new LinkedBlockingQueue<>();
  private volatile int status;
  private volatile Flow.Subscription subscription;
  private volatile boolean cancelled;

  /** Called with the response's head: the status, before any line. */
  @Override
  public BodySubscriber<Void> apply(ResponseInfo response) {
    status = response.statusCode();
    return BodySubscribers.fromLineSubscriber(this);
  }

  int status() {
    return status;
  }

  boolean cancelled() {
    return cancelled;
  }

  /** For the request's future: a request that failed before any body ends the lines too. */
  void failed(Throwable error) {
    lines.add(error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error);
  }

  /** The next line, waiting for it; empty at the end. */
  Optional<String> next() throws IOException, InterruptedException {
    Object next = lines.take();
    if (next == END) {
      lines.add(END);
      return Optional.empty();
    }
    if (next instanceof Throwable error) {
      lines.add(END);
      throw error instanceof IOException io ? io : new IOException(error);
    }
    subscription.request(1);
    return Optional.of((String) next);
  }

  /** Ends the stream: the connection is closed, and the thread waiting for a line sees the end. */
  void cancel() {
    cancelled = true;
    Flow.Subscription current = subscription;
    if (current != null) {
      current.cancel();
    }
    lines.add(END);
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (cancelled) {
      subscription.cancel();
    } else {
      subscription.request(1);
    }
  }

  @Override
  public void onNext(String line) {
    lines.add(line);
  }

  @Override
  public void onError(Throwable error) {
    lines.add(error);
  }

  @Override
  public void onComplete() {
    lines.add(END);
  }
}
