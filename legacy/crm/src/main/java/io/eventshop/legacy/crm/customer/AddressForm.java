package io.eventshop.legacy.crm.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the address page (and the create page) submit about the postal address. */
public class AddressForm {

  @NotBlank(message = "Enter the street and number.")
  @Size(max = 200, message = "The street has at most 200 characters.")
  private String street;

  @NotBlank(message = "Enter the postal code.")
  @Size(max = 20, message = "The postal code has at most 20 characters.")
  private String postalCode;

  @NotBlank(message = "Enter the city.")
  @Size(max = 100, message = "The city has at most 100 characters.")
  private String city;

  @IsoCountry
  private String country;

  static AddressForm of(Customer.Address address) {
    AddressForm form = new AddressForm();
    form.setStreet(address.street());
    form.setPostalCode(address.postalCode());
    form.setCity(address.city());
    form.setCountry(address.country());
    return form;
  }

  Customer.Address toAddress() {
    return new Customer.Address(street, postalCode, city, country);
  }

  public String getStreet() {
    return street;
  }

  public void setStreet(String street) {
    this.street = CustomerForm.trim(street);
  }

  public String getPostalCode() {
    return postalCode;
  }

  public void setPostalCode(String postalCode) {
    this.postalCode = CustomerForm.trim(postalCode);
  }

  public String getCity() {
    return city;
  }

  public void setCity(String city) {
    this.city = CustomerForm.trim(city);
  }

  public String getCountry() {
    return country;
  }

  /** Typed in lower case just as often: the schema keeps the upper-case ISO code. */
  public void setCountry(String country) {
    String trimmed = CustomerForm.trim(country);
    this.country = trimmed == null ? null : trimmed.toUpperCase(java.util.Locale.ROOT);
  }
}
