package dev.signals.example.orders.load;

import java.time.Duration;

/**
 * What a load run did.
 *
 * @param outcomes every order and how it ended
 * @param elapsed from the first order placed to the last answer
 */
public record LoadReport(Outcomes outcomes, Duration elapsed) {
}
