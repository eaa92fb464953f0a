package io.eventshop.legacy.crm.customer;

import io.eventshop.legacy.crm.CrmProperties;
import jakarta.validation.Valid;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer pages: a form posts, the page after a change is reached by a redirect (so that a
 * reload does not post again), and a form with mistakes comes back with a message at each field.
 */
@Controller
public class CustomerController {

  private static final Logger log = LoggerFactory.getLogger(CustomerController.class);
  private static final String EMAIL_TAKEN = "Another customer already has this email address.";

  private final CustomerRepository customers;
  private final CrmProperties properties;

  public CustomerController(CustomerRepository customers, CrmProperties properties) {
    this.customers = customers;
    this.properties = properties;
  }

  @GetMapping("/")
  String home() {
    return "redirect:/customers";
  }

  @GetMapping("/customers")
  String list(@RequestParam(name = "q", required = false) String query,
              @RequestParam(name = "page", defaultValue = "1") int page, Model model) {
    Optional<String> text = Optional.ofNullable(CustomerForm.trim(query));
    int size = properties.pageSize();
    int total = customers.count(text);
    int pages = Math.max(1, (total + size - 1) / size);
    int current = Math.min(Math.max(page, 1), pages);
    model.addAttribute("q", text.orElse(""));
    model.addAttribute("customers", customers.search(text, (current - 1) * size, size));
    model.addAttribute("total", total);
    model.addAttribute("page", current);
    model.addAttribute("pages", pages);
    return "customers/list";
  }

  @GetMapping("/customers/new")
  String newCustomer(Model model) {
    model.addAttribute("person", new CustomerForm());
    model.addAttribute("address", new AddressForm());
    return "customers/new";
  }

  @PostMapping("/customers")
  String create(@Valid @ModelAttribute("person") CustomerForm person, BindingResult personErrors,
                @Valid @ModelAttribute("address") AddressForm address,
                BindingResult addressErrors, RedirectAttributes redirect) {
    if (personErrors.hasErrors() || addressErrors.hasErrors()) {
      return "customers/new";
    }
    long id;
    try {
      id = customers.create(person, address.toAddress());
    } catch (DuplicateKeyException e) {
      personErrors.rejectValue("email", "taken", EMAIL_TAKEN);
      return "customers/new";
    }
    log.info("customer {} created", id);
    redirect.addFlashAttribute("notice", "Customer created.");
    return "redirect:/customers/" + id;
  }

  @GetMapping("/customers/{id}")
  String show(@PathVariable long id, Model model) {
    model.addAttribute("customer", existing(id));
    return "customers/show";
  }

  @GetMapping("/customers/{id}/edit")
  String edit(@PathVariable long id, Model model) {
    Customer customer = existing(id);
    model.addAttribute("customer", customer);
    model.addAttribute("person", CustomerForm.of(customer));
    return "customers/edit";
  }

  @PostMapping("/customers/{id}")
  String update(@PathVariable long id, @Valid @ModelAttribute("person") CustomerForm person,
                BindingResult errors, Model model, RedirectAttributes redirect) {
    if (!errors.hasErrors()) {
      try {
        requireFound(customers.update(id, person), id);
        log.info("customer {} updated", id);
        redirect.addFlashAttribute("notice", "Changes saved.");
        return "redirect:/customers/" + id;
      } catch (DuplicateKeyException e) {
        errors.rejectValue("email", "taken", EMAIL_TAKEN);
      }
    }
    model.addAttribute("customer", existing(id));
    return "customers/edit";
  }

  @GetMapping("/customers/{id}/address")
  String editAddress(@PathVariable long id, Model model) {
    Customer customer = existing(id);
    model.addAttribute("customer", customer);
    model.addAttribute("address", AddressForm.of(customer.address()));
    return "customers/address";
  }

  @PostMapping("/customers/{id}/address")
  String changeAddress(@PathVariable long id, @Valid @ModelAttribute("address") AddressForm address,
                       BindingResult errors, Model model, RedirectAttributes redirect) {
    if (errors.hasErrors()) {
      model.addAttribute("customer", existing(id));
      return "customers/address";
    }
    requireFound(customers.changeAddress(id, address.toAddress()), id);
    log.info("customer {} moved", id);
    redirect.addFlashAttribute("notice", "Address changed.");
    return "redirect:/customers/" + id;
  }

  @PostMapping("/customers/{id}/deactivate")
  String deactivate(@PathVariable long id, RedirectAttributes redirect) {
    requireFound(customers.deactivate(id), id);
    log.info("customer {} deactivated", id);
    redirect.addFlashAttribute("notice", "Customer deactivated.");
    return "redirect:/customers/" + id;
  }

  @PostMapping("/customers/{id}/delete")
  String delete(@PathVariable long id, RedirectAttributes redirect) {
    requireFound(customers.delete(id), id);
    log.info("customer {} deleted", id);
    redirect.addFlashAttribute("notice", "Customer " + id + " deleted.");
    return "redirect:/customers";
  }

  private Customer existing(long id) {
    return customers.find(id).orElseThrow(() -> notFound(id));
  }

  private static void requireFound(boolean found, long id) {
    if (!found) {
      throw notFound(id);
    }
  }

  private static ResponseStatusException notFound(long id) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no customer " + id + ".");
  }
}
