package io.eventshop.customer.legacy;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.LegacyCustomerIds;
import io.eventshop.contracts.customer.LegacyCustomer;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.customer.CustomerAccounts;
import io.eventshop.customer.domain.CustomerCommand;
import io.eventshop.customer.domain.DuplicateCustomer;
import io.eventshop.customer.domain.InvalidCustomer;
import io.eventshop.customer.kafka.CustomerWriteFailed;
import io.eventshop.platform.kafka.DeadLetters;
import io.eventshop.platform.kafka.KafkaClients;
import io.eventshop.platform.kafka.TopicTail;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Takes the legacy CRM's customers over into the shop: follows {@code legacy-customers} (the CRM's
 * customers as its tables hold them now, see {@link CrmJoin}) in a consumer group, and carries out
 * what {@link LegacyCustomerMapping} asks through {@link CustomerAccounts}, the same path as the
 * REST API. So the customer service stays the single writer of {@code customers} and
 * {@code customer-events}, with the same rules for a customer from the CRM as for one from the
 * shop.
 *
 * <p>A change the shop cannot take (no email, an unknown country) goes to
 * {@code legacy-customers.dlq} with the reason; the sync carries on. Offsets are committed after
 * each poll: a change may be handled twice after a crash, which the mapping makes harmless.
 */
public final class LegacyCustomerSync implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(LegacyCustomerSync.class);
  private static final String GROUP = "customer-legacy-crm";
  /** A write refused by Kafka is tried again this often, a pause apart, before it dead-letters. */
  private static final int WRITE_ATTEMPTS = 5;
  private static final Duration WRITE_PAUSE = Duration.ofSeconds(1);
  private static final Duration VIEW_PATIENCE = Duration.ofMinutes(5);

  private final CustomerAccounts accounts;
  private final LegacyCustomerMapping mapping;
  private final AvroSerde<LegacyCustomer> serde;
  private final Clock clock;
  private final TopicTail tail;

  public LegacyCustomerSync(KafkaClients clients, DeadLetters deadLetters,
                            CustomerAccounts accounts, LegacyCustomerMapping mapping,
                            AvroSerde<LegacyCustomer> serde, Clock clock) {
    this.accounts = accounts;
    this.mapping = mapping;
    this.serde = serde;
    this.clock = clock;
    this.tail = TopicTail.of("legacy-customer-sync", clients, Topics.LEGACY_CUSTOMERS.name())
        .inGroup(GROUP)
        .onRecord(this::take)
        .build(deadLetters);
  }

  private void take(ConsumerRecord<String, byte[]> record) throws InterruptedException {
    LegacyCustomer legacy = serde.deserialize(record.topic(), record.value());
    if (legacy == null) {
      return;
    }
    // Deciding against a view that has not read every customer yet would register again
    // customers the shop already has.
    if (!accounts.awaitReady(VIEW_PATIENCE)) {
      throw new IllegalStateException("the customer view did not catch up within "
          + VIEW_PATIENCE.toMinutes() + " min");
    }
    String id = LegacyCustomerIds.customerIdOf(legacy.getLegacyId());
    List<CustomerCommand> commands = mapping.commandsFor(legacy, accounts.find(id),
        clock.instant());
    for (CustomerCommand command : commands) {
      handle(legacy, command);
    }
    if (!commands.isEmpty()) {
      log.info("legacy customer {} -> customer {}: {}", legacy.getLegacyId(), id,
          commands.stream().map(c -> c.getClass().getSimpleName()).toList());
    }
  }

  private void handle(LegacyCustomer legacy, CustomerCommand command)
      throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        accounts.handle(command);
        return;
      } catch (InvalidCustomer | DuplicateCustomer e) {
        throw new LegacyCustomerRefused(legacy.getLegacyId(), e.getMessage(), e);
      } catch (CustomerWriteFailed e) {
        if (attempt == WRITE_ATTEMPTS) {
          throw e;
        }
        log.warn("legacy customer {}: {}; trying again", legacy.getLegacyId(), e.getMessage());
        Thread.sleep(WRITE_PAUSE.toMillis());
      }
    }
  }

  @Override
  public void start() {
    tail.start();
  }

  @Override
  public void stop() {
    tail.close();
  }

  @Override
  public boolean isRunning() {
    return tail.isRunning();
  }
}
