/**
 * What Latchkey counts and times, for the server's own metrics endpoint. The public surface is one
 * injectable recorder, {@link io.latchkey.metrics.Instruments}, with one intent method per thing an
 * operator watches (sign-ins by method and outcome, refresh outcomes, rate-limit refusals, lockouts,
 * ceremony failures, single sign-on verifications, revocations spread, and the timings of password
 * verification, token issue and passkey finish). Every metric name, label and rule lives in that
 * class; a call site is one line.
 *
 * <p>Why a recorder of our own rather than the metrics API of one server: Payara 6 ships
 * MicroProfile Metrics 5 and no Micrometer; WildFly 39 dropped MicroProfile Metrics and offers
 * Micrometer (its micrometer subsystem). Neither API exists on the other server, and an annotation
 * such as {@code @Counted} would bind the services to one of them and could not carry an outcome
 * known only at the end of a call. So the recorder picks an adapter in {@code internal} once, when
 * it starts, by what the server offers: Micrometer's {@code MeterRegistry} when the server exposes
 * one to the deployment, else MicroProfile Metrics' application {@code MetricRegistry}, else
 * nothing (one INFO line says which). The adapters are plain classes, loaded only when their API
 * is present, so the EAR deploys on a server that has neither.
 *
 * <p>What it deliberately does not do: no label ever carries a username, an address or other input
 * (only codes of Latchkey's own enums, normalised and bounded here); a failing metrics backend never
 * fails the operation it counts (logged once); counts are of attempts as they happen, so an
 * operation that later rolls back has still been counted. It reads no setting and depends on
 * nothing of Latchkey, so every capability may call it without a package cycle.
 */
package io.latchkey.metrics;
