/** The Java client of the Antechamber HTTP API (docs/client.md). */
package io.antechamber.client;
