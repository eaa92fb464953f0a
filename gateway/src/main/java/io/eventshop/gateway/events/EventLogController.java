package io.eventshop.gateway.events;

import io.eventshop.contracts.serde.SchemaRegistryClient;
import io.eventshop.gateway.GatewayProperties;
import io.eventshop.platform.kafka.KafkaClients;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * The event log's API: {@code GET /api/events?topic=&limit=} (the latest events),
 * {@code GET /api/events/topics} and {@code GET /api/events/stream?topic=} (server-sent events:
 * the latest ones, then each new one as it is read).
 */
@RestController
@RequestMapping("/api/events")
@Tag(name = "Event log", description = "The business topics as the admin watches them: a view"
    + " read uncommitted, not a decision")
public class EventLogController {

  private static final Duration HEARTBEAT = Duration.ofSeconds(15);

  private final EventLog eventLog;
  private final int perTopic;

  public EventLogController(EventLog eventLog, GatewayProperties properties) {
    this.eventLog = eventLog;
    this.perTopic = properties.eventLog().eventsPerTopic();
  }

  @GetMapping
  @Operation(summary = "The latest events",
      description = "The latest events the gateway keeps (a number per topic), oldest first;"
          + " values decoded with their writer's schema, or their size and why not.")
  public List<EventLogEntry> latest(
      @Parameter(description = "only this topic") @RequestParam(required = false) String topic,
      @Parameter(description = "at most this many (the newest)")
      @RequestParam(required = false) Integer limit) {
    return eventLog.latest(topic, limitOf(limit));
  }

  @GetMapping("/topics")
  @Operation(summary = "The business topics", description = "The names of the topics the event"
      + " log follows.")
  public List<String> topics() {
    return EventLog.topicNames();
  }

  @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(summary = "Follow the events live",
      description = "Server-sent events named `event`: the latest ones first, then each new one"
          + " as it is read; a comment every 15 s keeps proxies from closing the stream.")
  public Flux<ServerSentEvent<EventLogEntry>> stream(
      @Parameter(description = "only this topic") @RequestParam(required = false) String topic) {
    Flux<ServerSentEvent<EventLogEntry>> data = eventLog.follow(topic).map(entry -> ServerSentEvent
        .builder(entry).event("event").id(entry.topic() + "/" + entry.partition() + "/"
            + entry.offset()).build());
    Flux<ServerSentEvent<EventLogEntry>> heartbeat = Flux.interval(HEARTBEAT)
        .map(tick -> ServerSentEvent.<EventLogEntry>builder().comment("keep-alive").build());
    return Flux.merge(data, heartbeat);
  }

  private int limitOf(Integer limit) {
    int all = perTopic * EventLog.topicNames().size();
    return limit == null || limit < 1 ? all : Math.min(limit, all);
  }

  @Configuration(proxyBeanMethods = false)
  static class Beans {

    @Bean
    AvroValueDecoder avroValueDecoder(SchemaRegistryClient registry) {
      return new AvroValueDecoder(registry);
    }

    @Bean
    EventLog eventLog(GatewayProperties properties, KafkaClients clients,
                      AvroValueDecoder decoder) {
      return new EventLog(properties.eventLog(), clients, decoder);
    }
  }
}
