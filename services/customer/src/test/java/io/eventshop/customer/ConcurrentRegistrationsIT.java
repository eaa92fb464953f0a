package io.eventshop.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.serde.InMemorySchemaRegistryClient;
import io.eventshop.testing.InProcessService;
import io.eventshop.testing.SharedKafka;
import io.eventshop.testing.SharedSchemaRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Many clients registering at once: every registration the service takes is written. */
class ConcurrentRegistrationsIT {

  private static final int CLIENTS = 16;
  private static final int REGISTRATIONS_PER_CLIENT = 100;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final InMemorySchemaRegistryClient REGISTRY = SharedSchemaRegistry.INSTANCE;

  private static ConfigurableApplicationContext service;
  private static String baseUrl;

  @BeforeAll
  static void startTheService() throws Exception {
    SharedKafka.createTopics(Topics.all());
    service = InProcessService.start(new SpringApplicationBuilder(CustomerApplication.class),
        "customer-concurrent-it");
    baseUrl = InProcessService.baseUrl(service);
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
