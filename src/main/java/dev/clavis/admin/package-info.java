/**
 * The admin pages (Jakarta Faces, one view-scoped bean per use case) and the sign-in of human administrators. Stands
 * on {@code platform}, {@code application}, {@code role} and {@code audit}, whose controls it shares with the admin
 * API, and on {@code key} for the key its device cookies are signed with.
 */
package dev.clavis.admin;
