package dev.clavis.admin.boundary;

import dev.clavis.role.control.RoleCatalog;
import dev.clavis.role.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The roles an application can be given, with their descriptions, for the checkboxes of the application forms. */
@Named
@RequestScoped
public class RoleChoices {

    /** A role as a choice. */
    public record Choice(String name, String description) {}

    @Inject
    RoleCatalog roles;

    private List<Choice> choices;

    public List<Choice> getAll() {
        if (choices == null) {
            choices = roles.list().stream().map(RoleChoices::choice).toList();
        }
        return choices;
    }

    private static Choice choice(Role role) {
        return new Choice(role.name(), role.description());
    }
}
