package io.eventshop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

@ExtendWith(OutputCaptureExtension.class)
class EventshopPropertiesTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class,
          PlatformKafkaAutoConfiguration.class))
      .withPropertyValues("spring.application.name=test-service");

  @Test
  void theDefaultsWorkOnALaptop() {
    context.run(started -> {
      EventshopProperties properties = started.getBean(EventshopProperties.class);
      assertThat(properties.kafka().bootstrapServers()).isEqualTo("127.0.0.1:9092");
      assertThat(properties.kafka().commitInterval()).isEqualTo(Duration.ofMillis(10));
      assertThat(properties.kafka().clientPropertiesFile()).isNull();
      assertThat(properties.schemaRegistry().url()).isEqualTo("http://127.0.0.1:8081");
      assertThat(properties.schemaRegistry().autoRegister()).isTrue();
      assertThat(properties.instanceId()).isEqualTo(1);
    });
  }

  @ParameterizedTest
  @CsvSource({
      "eventshop.kafka.commit-interval, 0ms",
      "eventshop.kafka.commit-interval, 11m",
      "eventshop.kafka.bootstrap-servers, localhost",
      "eventshop.kafka.stream-threads, 0",
      "eventshop.schema-registry.url, registry:8081",
      "eventshop.instance-id, 0"})
  void aBadValueStopsStartUpNamingTheKey(String key, String value) {
    context.withPropertyValues(key + "=" + value).run(started ->
        assertThat(started).hasFailed().getFailure().hasStackTraceContaining(key));
  }

  @Test
  void theStartUpFailureReportNamesTheKey(CapturedOutput output) {
    SpringApplication application = new SpringApplication(Platform.class);
    application.setWebApplicationType(WebApplicationType.NONE);

    assertThatThrownBy(() -> application.run("--spring.application.name=test-service",
        "--eventshop.kafka.commit-interval=0ms")).isInstanceOf(Exception.class);

    assertThat(output).contains("APPLICATION FAILED TO START")
        .contains("eventshop.kafka.commit-interval must be between 1ms and 10m");
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({ValidationAutoConfiguration.class, PlatformKafkaAutoConfiguration.class})
  static class Platform {
  }
}
