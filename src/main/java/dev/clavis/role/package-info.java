/** Roles: the permissions an application may be granted, which are also the scope values it may request. */
package dev.clavis.role;
