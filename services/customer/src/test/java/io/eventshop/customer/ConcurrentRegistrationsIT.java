package io.eventshop.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.contracts.TopicSpec;
import io.eventshop.contracts.Topics;
import io.eventshop.contracts.serde.SchemaRegistryClient;
import io.eventshop.contracts.serde.InMemorySchemaRegistryClient;
import io.eventshop.testing.SharedKafka;
import io.eventshop.testing.SharedSchemaRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Many clients registering at once: every registration the service takes is written. */
class ConcurrentRegistrationsIT {

  private static final int CLIENTS = 16;
  private static final int REGISTRATIONS_PER_CLIENT = 100;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final List<TopicSpec> TOPICS = List.of(Topics.CUSTOMERS,
      Topics.CUSTOMER_EVENTS, Topics.ORDERS, Topics.ORDER_VALIDATIONS,
      Topics.deadLetterOf(Topics.ORDERS), Topics.deadLetterOf(Topics.CUSTOMERS));
  private static final InMemorySchemaRegistryClient REGISTRY = SharedSchemaRegistry.INSTANCE;

  private static ConfigurableApplicationContext service;
  private static String baseUrl;

  @Configuration(proxyBeanMethods = false)
  static class SharedRegistry {

    @Bean
    @Primary
    SchemaRegistryClient inMemoryRegistry() {
      return REGISTRY;
    }
  }

  @BeforeAll
  static void startTheService() throws Exception {
    String bootstrap = SharedKafka.bootstrapServers();
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = TOPICS.stream().filter(spec -> !existing.contains(spec.name()))
          .map(spec -> new NewTopic(spec.name(), spec.partitions(), (short) 1)
              .configs(spec.configs(1))).toList();
      admin.createTopics(missing).all().get();
    }
    service = new SpringApplicationBuilder(CustomerApplication.class, SharedRegistry.class)
        .run("--server.port=0",
            "--spring.application.name=customer-concurrent-it-" + UUID.randomUUID(),
            "--eventshop.kafka.bootstrap-servers=" + bootstrap,
            "--eventshop.kafka.state-dir=" + Files.createTempDirectory("customer-concurrent-it"));
    baseUrl = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
    await().atMost(PATIENCE).until(() -> HTTP.send(HttpRequest.newBuilder(
        URI.create(baseUrl + "/actuator/health")).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
  }

  @AfterAll
  static void stopTheService() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void sixteenClientsRegisteringAtOnceAllSucceed() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<List<String>>> answers = new ArrayList<>();
    for (int client = 0; client < CLIENTS; client++) {
      int number = client;
      answers.add(clients.submit(() -> registerMany(number)));
    }
    List<String> failures = new ArrayList<>();
    for (Future<List<String>> answer : answers) {
      failures.addAll(answer.get());
    }
    clients.shutdown();

    assertThat(failures).isEmpty();
  }

  /** The answers other than 201 of one client's registrations. */
  private static List<String> registerMany(int client) throws Exception {
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < REGISTRATIONS_PER_CLIENT; i++) {
      HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
              URI.create(baseUrl + "/api/customers"))
          .timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("""
              {"name":"Client %d","email":"client%d.%d@example.com",
               "address":{"street":"Main 1","zip":"8001","city":"Zürich","country":"CH"},
               "creditLimit":100}""".formatted(client, client, i))).build(),
          HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 201) {
        failures.add(answer.statusCode() + " " + answer.body());
      }
    }
    return failures;
  }
}
