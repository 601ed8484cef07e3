/**
 * Roles: the permissions an application may be granted, which are also the scope values it may request, and their
 * admin API. Stands on {@code platform} and {@code audit}; it knows nothing of applications, which tell it who holds
 * a role through {@code RoleHolders}.
 */
package dev.clavis.role;
