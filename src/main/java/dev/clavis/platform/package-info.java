/** What every feature stands on: the datasource, schema migrations, start-up order, data folder and error pages. */
package dev.clavis.platform;
