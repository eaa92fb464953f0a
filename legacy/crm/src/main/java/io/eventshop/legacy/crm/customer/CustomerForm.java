package io.eventshop.legacy.crm.customer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the create and edit pages submit about the person. Spring binds the form fields to the
 * setters, so this is a bean, not a record.
 */
public class CustomerForm {

  @NotBlank(message = "Enter the first name.")
  @Size(max = 100, message = "The first name has at most 100 characters.")
  private String firstName;

  @NotBlank(message = "Enter the last name.")
  @Size(max = 100, message = "The last name has at most 100 characters.")
  private String lastName;

  @NotBlank(message = "Enter the email address.")
  @Email(message = "Enter an email address such as anna.muller@example.com.")
  @Size(max = 254, message = "The email address has at most 254 characters.")
  private String email;

  @Pattern(regexp = "[+0-9 ()/-]{0,40}",
      message = "A phone number has digits, spaces and + ( ) / - only, at most 40.")
  private String phone;

  static CustomerForm of(Customer customer) {
    CustomerForm form = new CustomerForm();
    form.setFirstName(customer.firstName());
    form.setLastName(customer.lastName());
    form.setEmail(customer.email());
    form.setPhone(customer.phone());
    return form;
  }

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String firstName) {
    this.firstName = trim(firstName);
  }

  public String getLastName() {
    return lastName;
  }

  public void setLastName(String lastName) {
    this.lastName = trim(lastName);
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = trim(email);
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = trim(phone);
  }

  /** Blank optional fields are stored as NULL, as the legacy schema has always had them. */
  static String trim(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
