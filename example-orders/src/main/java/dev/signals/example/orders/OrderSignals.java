package dev.signals.example.orders;

import dev.signals.Severity;
import dev.signals.Signal;

/**
 * Every signal the example emits, by family. Routes in {@code signals.json} select them by
 * these names and prefixes ({@code ORDER_*}, {@code SECURITY_*}…), so a name here is part of
 * the example's config contract.
 *
 * <p>Severities are chosen for a readable console at INFO: an order's milestones (created,
 * shipped, cancelled) and every resilience or security event that changes something are INFO
 * and above; the steps in between and the per-call chatter (HTTP, retries, injected faults) are
 * DEBUG, kept for the business file, the time-travel buffer and snapshots.
 */
public final class OrderSignals {

    // ------------------------------------------------------------------ orders (order service)

    /** An order was accepted for processing: {@code order_id}, {@code user_id}, {@code items}, {@code units}, {@code client_ip}. */
    public static final Signal ORDER_CREATED = Signal.of("ORDER_CREATED", Severity.INFO);
    /** The user is known and the order is priced: {@code order_id}, {@code tier}, {@code total_cents}, {@code currency}. */
    public static final Signal ORDER_VALIDATED = Signal.of("ORDER_VALIDATED", Severity.DEBUG);
    /** Stock is reserved and the payment captured: {@code order_id}, {@code payment_id}, {@code total_cents}. */
    public static final Signal ORDER_PROCESSED = Signal.of("ORDER_PROCESSED", Severity.DEBUG);
    /** Terminal: the order shipped: {@code order_id}, {@code tracking}, {@code carrier}, {@code total_cents}, {@code elapsed}. */
    public static final Signal ORDER_SHIPPED = Signal.of("ORDER_SHIPPED", Severity.INFO);
    /** Terminal: the order was cancelled and compensated: {@code order_id}, {@code reason}, {@code stage}, {@code elapsed}. */
    public static final Signal ORDER_CANCELLED = Signal.of("ORDER_CANCELLED", Severity.WARN);

    // ------------------------------------------------------------------ payments

    /** The payment service authorized an amount: {@code order_id}, {@code payment_id}, {@code amount_cents}, {@code card} (a secret). */
    public static final Signal PAYMENT_AUTHORIZED = Signal.of("PAYMENT_AUTHORIZED", Severity.DEBUG);
    /** The payment service captured an authorized amount: {@code order_id}, {@code payment_id}, {@code amount_cents}. */
    public static final Signal PAYMENT_CAPTURED = Signal.of("PAYMENT_CAPTURED", Severity.DEBUG);
    /** The order service could not get paid: {@code order_id}, {@code stage}, {@code cause}, {@code attempts}. */
    public static final Signal PAYMENT_FAILED = Signal.of("PAYMENT_FAILED", Severity.ERROR);
    /** Compensation: an authorization was voided: {@code order_id}, {@code payment_id}. */
    public static final Signal PAYMENT_VOIDED = Signal.of("PAYMENT_VOIDED", Severity.INFO);
    /** Compensation: a captured payment was refunded: {@code order_id}, {@code payment_id}, {@code amount_cents}. */
    public static final Signal PAYMENT_REFUNDED = Signal.of("PAYMENT_REFUNDED", Severity.INFO);

    // ------------------------------------------------------------------ inventory

    /** Stock was set aside for an order: {@code order_id}, {@code items}, {@code units}. */
    public static final Signal INVENTORY_RESERVED = Signal.of("INVENTORY_RESERVED", Severity.DEBUG);
    /** Compensation: a reservation went back to stock: {@code order_id}, {@code units}, {@code reason}. */
    public static final Signal INVENTORY_RELEASED = Signal.of("INVENTORY_RELEASED", Severity.INFO);
    /** A product's stock reached zero: {@code sku}, {@code product}. */
    public static final Signal INVENTORY_DEPLETED = Signal.of("INVENTORY_DEPLETED", Severity.WARN);

    // ------------------------------------------------------------------ other services' steps

    /** The pricing service priced an order: {@code order_id}, {@code tier}, {@code total_cents}, {@code discount_cents}. */
    public static final Signal PRICE_QUOTED = Signal.of("PRICE_QUOTED", Severity.DEBUG);
    /** The shipping service booked a shipment: {@code order_id}, {@code carrier}, {@code tracking}, {@code region}. */
    public static final Signal SHIPMENT_BOOKED = Signal.of("SHIPMENT_BOOKED", Severity.DEBUG);
    /** The notification service sent an e-mail: {@code order_id}, {@code kind}, {@code email} (redacted by the config). */
    public static final Signal NOTIFICATION_SENT = Signal.of("NOTIFICATION_SENT", Severity.DEBUG);
    /** A notification failed every attempt and went to the dead-letter queue: {@code order_id}, {@code kind}, {@code attempts}, {@code cause}. */
    public static final Signal NOTIFICATION_DEAD_LETTERED = Signal.of("NOTIFICATION_DEAD_LETTERED", Severity.WARN);

    // ------------------------------------------------------------------ service lifecycle and HTTP

    /** A service listens: {@code service}, {@code url}. */
    public static final Signal SERVICE_STARTED = Signal.of("SERVICE_STARTED", Severity.INFO);
    /** A service stopped: {@code service}, {@code served}, {@code uptime}. */
    public static final Signal SERVICE_STOPPED = Signal.of("SERVICE_STOPPED", Severity.INFO);
    /** A request was answered: {@code method}, {@code path}, {@code status}, {@code duration}. */
    public static final Signal HTTP_SERVED = Signal.of("HTTP_SERVED", Severity.DEBUG);
    /** A handler failed unexpectedly (a bug, not a fault the example injects): {@code path}, {@code error}. */
    public static final Signal HTTP_HANDLER_FAILED = Signal.of("HTTP_HANDLER_FAILED", Severity.ERROR);

    // ------------------------------------------------------------------ resilience

    /** The breaker opened after consecutive failures: {@code breaker}, {@code failures}, {@code open_for}, {@code cause}. */
    public static final Signal CIRCUIT_BREAKER_OPENED = Signal.of("CIRCUIT_BREAKER_OPENED", Severity.WARN);
    /** The breaker lets one probe call through: {@code breaker}, {@code was_open_for}. */
    public static final Signal CIRCUIT_BREAKER_HALF_OPEN = Signal.of("CIRCUIT_BREAKER_HALF_OPEN", Severity.INFO);
    /** The probe succeeded; calls flow again: {@code breaker}, {@code was_open_for}. */
    public static final Signal CIRCUIT_BREAKER_CLOSED = Signal.of("CIRCUIT_BREAKER_CLOSED", Severity.INFO);
    /** A call was refused by an open breaker without being made: {@code breaker}. */
    public static final Signal CIRCUIT_BREAKER_REJECTED = Signal.of("CIRCUIT_BREAKER_REJECTED", Severity.DEBUG);
    /** A failed call will be tried again: {@code call}, {@code attempt}, {@code delay}, {@code cause}. */
    public static final Signal RETRY_SCHEDULED = Signal.of("RETRY_SCHEDULED", Severity.DEBUG);
    /** A call failed its last attempt: {@code call}, {@code attempts}, {@code cause}. */
    public static final Signal RETRY_EXHAUSTED = Signal.of("RETRY_EXHAUSTED", Severity.WARN);
    /** A call got no answer within its timeout: {@code peer}, {@code path}, {@code timeout}. */
    public static final Signal CALL_TIMED_OUT = Signal.of("CALL_TIMED_OUT", Severity.DEBUG);
    /** A request arrived after its caller's deadline and was not processed: {@code path}, {@code late_by}. */
    public static final Signal DEADLINE_EXCEEDED = Signal.of("DEADLINE_EXCEEDED", Severity.DEBUG);
    /** A compensating action failed too: {@code order_id}, {@code action}, {@code cause}. */
    public static final Signal COMPENSATION_FAILED = Signal.of("COMPENSATION_FAILED", Severity.WARN);

    // ------------------------------------------------------------------ chaos

    /** A fault was injected into one request: {@code fault} ({@code error}, {@code latency_spike}), {@code path}. */
    public static final Signal CHAOS_INJECTED = Signal.of("CHAOS_INJECTED", Severity.DEBUG);
    /** A simulated outage of a service began: every request fails until it ends; {@code service}, {@code duration}. */
    public static final Signal CHAOS_OUTAGE_STARTED = Signal.of("CHAOS_OUTAGE_STARTED", Severity.WARN);
    /** A simulated outage ended: {@code service}. */
    public static final Signal CHAOS_OUTAGE_ENDED = Signal.of("CHAOS_OUTAGE_ENDED", Severity.INFO);

    // ------------------------------------------------------------------ security and audit

    /** A client exceeded its request rate and was refused (HTTP 429): {@code client_ip}, {@code limit_per_s}. */
    public static final Signal SECURITY_RATE_LIMITED = Signal.of("SECURITY_RATE_LIMITED", Severity.WARN);
    /** Input looked like an attack and the order was refused (HTTP 400): {@code field}, {@code pattern}, {@code input}, {@code client_ip}. */
    public static final Signal SECURITY_SUSPICIOUS_INPUT = Signal.of("SECURITY_SUSPICIOUS_INPUT", Severity.WARN);
    /** A blocked user tried to order: {@code user_id}, {@code client_ip}. */
    public static final Signal SECURITY_BLOCKED_USER = Signal.of("SECURITY_BLOCKED_USER", Severity.WARN);
    /** A run of the example began, and with which settings: {@code user}, {@code seed}, {@code chaos}, {@code config}. */
    public static final Signal AUDIT_RUN_STARTED = Signal.of("AUDIT_RUN_STARTED", Severity.INFO);
    /** A run of the example ended: {@code attempted}, {@code shipped}, {@code cancelled}, {@code rejected}. */
    public static final Signal AUDIT_RUN_FINISHED = Signal.of("AUDIT_RUN_FINISHED", Severity.INFO);

    // ------------------------------------------------------------------ workload

    /** The load generator began: {@code rate}, {@code duration}, {@code max_orders}, {@code peak}, {@code seed}. */
    public static final Signal LOAD_STARTED = Signal.of("LOAD_STARTED", Severity.INFO);
    /** The peak began (rate multiplied) or ended: {@code phase}, {@code rate}. */
    public static final Signal LOAD_PHASE = Signal.of("LOAD_PHASE", Severity.INFO);
    /** Every few seconds: {@code attempted}, {@code shipped}, {@code cancelled}, {@code rejected}, {@code in_flight}. */
    public static final Signal LOAD_PROGRESS = Signal.of("LOAD_PROGRESS", Severity.INFO);
    /** Every order has its answer: {@code attempted}, {@code shipped}, {@code cancelled}, {@code rejected}, {@code elapsed}. */
    public static final Signal LOAD_FINISHED = Signal.of("LOAD_FINISHED", Severity.INFO);

    private OrderSignals() {
    }
}
