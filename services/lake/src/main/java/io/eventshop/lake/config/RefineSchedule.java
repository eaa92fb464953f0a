package io.eventshop.lake.config;

import io.eventshop.lake.refine.Refiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Rebuilds the refined zone every {@code eventshop.lake.refine-every} (never when 0). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RefineSchedule implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(RefineSchedule.class);

  private final Refiner refiner;
  private final LakeSettings settings;

  RefineSchedule(Refiner refiner, LakeSettings settings) {
    this.refiner = refiner;
    this.settings = settings;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (!settings.refineEvery().isZero()) {
      registrar.addFixedDelayTask(new FixedDelayTask(this::rebuild, settings.refineEvery(),
          settings.refineEvery()));
    }
  }

  private void rebuild() {
    try {
      refiner.rebuildAll();
    } catch (RuntimeException e) {
      // the next period tries again; the tables keep their last content meanwhile
      log.warn("the scheduled refinement failed: {}", e.toString());
    }
  }
}
