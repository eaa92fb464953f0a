package io.eventshop.platform.testshop;

import io.eventshop.platform.streams.InteractiveQueries;
import io.eventshop.platform.web.Conflict;
import io.eventshop.platform.web.NotFound;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The smallest service on the platform: a Streams table of integer counts (values that are not
 * 4-byte integers are poison and go to the dead-letter topic) and a REST API over it.
 */
@SpringBootApplication
public class TestShop {

  static final String STORE = "counts";
  static final String GLOBAL_STORE = "limits";

  /**
   * The topology, built in one method as every service does: a table of counts and a global
   * table of limits (integers too, so a poison record of either is easy to make).
   */
  static Topology build(String topic, String globalTopic) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.table(topic, Consumed.with(Serdes.String(), Serdes.Integer()),
        Materialized.<String, Integer, KeyValueStore<Bytes, byte[]>>as(STORE));
    builder.globalTable(globalTopic, Consumed.with(Serdes.String(), Serdes.Integer()),
        Materialized.<String, Integer, KeyValueStore<Bytes, byte[]>>as(GLOBAL_STORE));
    return builder.build();
  }

  @Bean
  Topology topology(@Value("${testshop.topic}") String topic,
                    @Value("${testshop.global-topic}") String globalTopic) {
    return build(topic, globalTopic);
  }

  record NewCount(@NotBlank String name, @NotNull @Positive Integer count) {
  }

  @RestController
  static class Counts {

    private final InteractiveQueries queries;

    Counts(InteractiveQueries queries) {
      this.queries = queries;
    }

    @GetMapping("/api/counts/{name}")
    Integer count(@PathVariable String name) {
      return find(STORE, "count", name);
    }

    @GetMapping("/api/limits/{name}")
    Integer limit(@PathVariable String name) {
      return find(GLOBAL_STORE, "limit", name);
    }

    private Integer find(String storeName, String entity, String name) {
      ReadOnlyKeyValueStore<String, Integer> store = queries.keyValueStore(storeName);
      Integer value = store.get(name);
      if (value == null) {
        throw new NotFound(entity, name);
      }
      return value;
    }

    @GetMapping("/api/counts/{name}/owner")
    String owner(@PathVariable String name) {
      var owner = queries.ownerOf(STORE, name, Serdes.String().serializer());
      return owner.baseUrl() + " local=" + owner.local();
    }

    @PostMapping("/api/counts")
    ResponseEntity<NewCount> create(@Valid @RequestBody NewCount count) {
      if (count.name().equals("taken")) {
        throw new Conflict("count", count.name(), "count taken already exists");
      }
      return ResponseEntity.created(URI.create("/api/counts/" + count.name())).body(count);
    }
  }
}
