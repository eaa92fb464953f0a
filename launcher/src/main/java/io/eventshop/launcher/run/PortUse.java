package io.eventshop.launcher.run;

/**
 * A port the launcher will bind.
 *
 * @param component   who binds it
 * @param port        the port
 * @param howToChange the option that moves it
 */
public record PortUse(String component, int port, String howToChange) {
}
