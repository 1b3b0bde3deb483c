/** The Model Context Protocol tools of Antechamber (docs/mcp.md). */
package io.antechamber.mcp;
