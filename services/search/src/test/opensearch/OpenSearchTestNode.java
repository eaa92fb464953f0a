import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.index.mapper.MapperExtrasPlugin;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * A real single-node OpenSearch for the search service's integration tests, run by
 * {@code io.eventshop.search.index.OpenSearchProcess} in a JVM of its own with the classpath
 * that {@code pom.xml} beside this file resolves (java's source-file mode compiles it at start:
 * it is not part of the service's test sources, whose classpath has no OpenSearch).
 *
 * <p>Arguments: the node's home directory (data and logs under it) and the file to write the
 * HTTP port to once the node has started. Security is off (the security plugin is not in the
 * node), HTTP and transport bind 127.0.0.1 on ports the system picks, discovery is single-node.
 * The node stops when its standard input closes, so the JVM ends with the test's even when that
 * is killed.
 */
public class OpenSearchTestNode {

  /** A node with the plugins on the classpath, as the distribution would load its modules. */
  static final class ClasspathNode extends Node {
    ClasspathNode(Settings settings, Collection<Class<? extends Plugin>> plugins) {
      super(InternalSettingsPreparer.prepareEnvironment(settings, java.util.Map.of(), null,
          () -> "eventshop-test"), plugins, true);
    }
  }

  public static void main(String[] args) {
    // Not a daemon: the node's own threads are, so this one keeps the JVM running.
    new Thread(OpenSearchTestNode::stopWhenStandardInputCloses, "stop-when-stdin-closes")
        .start();
    try {
      run(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]).toAbsolutePath());
    } catch (Throwable e) {
      // The node's own threads would keep a JVM alive that failed to start it.
      e.printStackTrace();
      System.exit(1);
    }
  }

  private static void run(Path home, Path portFile) throws Exception {
    Settings settings = Settings.builder()
        .put("path.home", home.toString())
        .put("path.data", home.resolve("data").toString())
        .put("path.logs", home.resolve("logs").toString())
        .put("cluster.name", "eventshop-test")
        .put("node.name", "eventshop-test")
        .put("discovery.type", "single-node")
        .put("network.host", "127.0.0.1")
        .put("http.port", "0")
        .put("transport.port", "0")
        // A nearly full disk of a shared machine must not leave the indexes unassigned.
        .put("cluster.routing.allocation.disk.threshold_enabled", false)
        .build();
    // Of the distribution's modules, those the service needs: HTTP, the analysis of
    // index.Analysis, scaled_float (BigDecimal fields), _delete_by_query (purges).
    Node node = new ClasspathNode(settings, List.of(Netty4Plugin.class,
        CommonAnalysisPlugin.class, MapperExtrasPlugin.class, ReindexPlugin.class));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> close(node), "close-node"));
    node.start();

    int port = node.injector().getInstance(HttpServerTransport.class).boundAddress()
        .publishAddress().getPort();
    Path written = Files.writeString(portFile.resolveSibling(portFile.getFileName() + ".tmp"),
        Integer.toString(port));
    Files.move(written, portFile, StandardCopyOption.ATOMIC_MOVE);
    System.out.println("OpenSearch test node ready at http://127.0.0.1:" + port);
  }

  /** The test closes the pipe to stop the node; it closes too when the test's JVM ends. */
  private static void stopWhenStandardInputCloses() {
    try {
      while (System.in.read() != -1) {
        // nothing is sent
      }
    } catch (IOException e) {
      // as closed
    }
    System.out.println("standard input closed: stopping the OpenSearch test node");
    System.exit(0);
  }

  private static void close(Node node) {
    try {
      node.close();
    } catch (IOException e) {
      e.printStackTrace();
    }
  }
}
