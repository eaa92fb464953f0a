package io.eventshop.launcher.kafka;

import java.util.List;

/**
 * What provisioning did to the cluster's topics.
 *
 * @param created   topics that did not exist
 * @param updated   topics whose configs or partition count were changed
 * @param unchanged how many topics already matched the catalogue
 * @param warnings  differences the provisioner does not fix (fewer partitions wanted than exist)
 */
public record ProvisioningReport(List<String> created, List<String> updated, int unchanged,
                                 List<String> warnings) {

  /** One line for the console. */
  public String summary() {
    return "topics: created " + created.size() + ", updated " + updated.size() + ", unchanged "
        + unchanged;
  }
}
