package dev.clavis.role.boundary;

import dev.clavis.role.entity.Role;

/** A role as the admin API shows it. */
public record RoleView(String name, String description, boolean builtIn) {

    public static RoleView of(Role role) {
        return new RoleView(role.name(), role.description(), role.isBuiltIn());
    }
}
