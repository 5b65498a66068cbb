/**
 * A JUnit Jupiter test kit for Signals: {@link dev.signals.test.CaptureSignals} captures the
 * signals each test emits, isolated from every other test even when tests run in parallel,
 * and {@link dev.signals.test.CapturedSignals} asserts on them fluently.
 *
 * <pre>{@code
 * @CaptureSignals
 * class CheckoutTest {
 *     @Test
 *     void createsTheOrder(CapturedSignals captured) {
 *         checkout.placeOrder("o-1");
 *         captured.assertEmitted(ORDER_CREATED).withField("order_id", "o-1").inSpan("place_order");
 *     }
 * }
 * }</pre>
 */
package dev.signals.test;
