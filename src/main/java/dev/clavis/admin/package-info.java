/** The admin pages (Jakarta Faces, one view-scoped bean per use case) and the sign-in of human administrators. */
package dev.clavis.admin;
