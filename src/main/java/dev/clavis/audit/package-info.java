/** The audit trail: who changed what, when, and how it ended. It never holds a secret. */
package dev.clavis.audit;
