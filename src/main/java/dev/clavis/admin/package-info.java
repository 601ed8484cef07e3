/**
 * The admin pages (Jakarta Faces, one view-scoped bean per use case) and the sign-in of human administrators. Stands
 * on {@code platform}, {@code application}, {@code api}, {@code role}, {@code key} and {@code audit}, whose controls it
 * shares with the admin API.
 */
package dev.clavis.admin;
