package io.eventshop.launcher.simulate;

import io.eventshop.launcher.LauncherException;
import io.eventshop.launcher.kafka.KafkaConnection;
import io.eventshop.launcher.run.RunFile;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where a simulation sends its traffic: the running shop of {@code --data-dir} (its run.json
 * names the broker, the registry and the gateway). Simulated visitors are load, so they go to
 * this machine only: a gateway or registry that is not on a loopback address is refused.
 *
 * @param kafka    the cluster the events are written to
 * @param registry the schema registry the Avro values are registered with
 * @param gateway  the shop's public API, for the orders of simulated buyers
 */
record SimulationTarget(KafkaConnection kafka, URI registry, URI gateway) {

  static SimulationTarget of(RunFile.Run run, KafkaConnection kafka) {
    return new SimulationTarget(kafka, local(run, "schema-registry"), local(run, "gateway"));
  }

  private static URI local(RunFile.Run run, String component) {
    Optional<String> url = run.components().stream().filter(c -> c.name().equals(component))
        .map(RunFile.Entry::url).findFirst();
    URI uri = URI.create(url.orElseThrow(() -> new LauncherException("the running shop has no "
        + component + ": start it with ./eventshop up", LauncherException.FAILED)));
    if (!isLoopback(uri.getHost())) {
      throw new LauncherException("simulated traffic goes to this machine only, and " + component
          + " is at " + uri, LauncherException.USAGE);
    }
    return uri;
  }

  static boolean isLoopback(String host) {
    try {
      return host != null && InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
