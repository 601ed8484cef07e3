/** The audit trail: who changed what, when, and how it ended. It never holds a secret. Stands on {@code platform}. */
package dev.clavis.audit;
