package io.eventshop.connect;

import io.eventshop.connect.connectors.ConnectorFile;
import io.eventshop.connect.connectors.ConnectorRegistrar;
import io.eventshop.connect.connectors.InvalidConnectorException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka Connect worker of the shop, in distributed mode: Connect's own runtime, started with
 * {@link WorkerSettings}, then the repository's connector files applied through its REST API.
 *
 * <p>Exits with status 2 when a connector file is invalid (the message names the connector and
 * the field), so that {@code ./eventshop up} reports it instead of running without the connector.
 * Runs until it is stopped; SIGTERM stops the connectors and leaves the group cleanly.
 */
public final class ConnectWorker {

  private static final Logger log = LoggerFactory.getLogger(ConnectWorker.class);
  /** A worker joining its group the first time waits for the group coordinator and its topics. */
  private static final Duration JOIN_PATIENCE = Duration.ofSeconds(90);

  private ConnectWorker() {
  }

  public static void main(String[] args) throws InterruptedException {
    WorkerSettings settings;
    List<ConnectorFile> connectors;
    try {
      settings = WorkerSettings.fromArguments(args);
      connectors = ConnectorFile.readAll(settings.connectorsDir(), settings.variables());
    } catch (IllegalArgumentException | IOException e) {
      log.error("Cannot start the Connect worker: {}", e.getMessage());
      System.exit(2);
      return;
    }
    Connect<?> connect = new ConnectDistributed().startConnect(settings.worker());
    Runtime.getRuntime().addShutdownHook(new Thread(connect::stop, "connect-shutdown"));
    try {
      ConnectorRegistrar registrar = new ConnectorRegistrar(settings.restUrl(), JOIN_PATIENCE);
      for (ConnectorFile connector : connectors) {
        registrar.apply(connector);
      }
      ReadinessExtension.connectorsApplied();
      log.info("Connect worker ready at {} with {} connector(s) from {}", settings.restUrl(),
          connectors.size(), settings.connectorsDir());
    } catch (InvalidConnectorException | IOException e) {
      log.error("Cannot apply the connectors: {}", e.getMessage());
      System.exit(2);
    }
    connect.awaitStop();
  }
}
