/**
 * Runnable examples of Sender: each class is a {@code main} that prints what it does, runnable from an IDE or
 * with {@code mvn -pl examples exec:java -Dexec.mainClass=dev.sender.examples.<Name>}, and run by a test.
 *
 * <ul>
 *   <li>{@link dev.sender.examples.QuickStart}: an embedded server, a typed subscription, a few events;
 *   <li>{@link dev.sender.examples.RawParameters}: a subscription written as a LUNA Python user would;
 *   <li>{@link dev.sender.examples.GeneralEvents}: general events with user-defined filters, to a listener;
 *   <li>{@link dev.sender.examples.EmbeddedInJetty}: the server mounted in an application's own Jetty.
 * </ul>
 *
 * <p>Every type and member in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.sender.examples;

import org.jspecify.annotations.NullMarked;
