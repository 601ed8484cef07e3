package dev.clavis.admin.boundary;

import dev.clavis.platform.control.Outcome;
import dev.clavis.role.control.RoleCatalog;
import dev.clavis.role.entity.Role;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.List;

/** Roles: the built-in common roles, and custom roles to create, describe and delete. */
@Named
@ViewScoped
public class RolesPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String CREATE_FORM = "create";
    static final String EDIT_FORM = "edit";

    /** A role as the page lists it, with the applications that hold it. */
    public record Row(String name, String description, boolean builtIn, long version, List<String> holders)
            implements Serializable {}

    @Inject
    transient RoleCatalog catalog;

    @Inject
    transient AdminSession session;

    private List<Row> rows;
    private String newName;
    private String newDescription;
    private String editing;
    private String editedDescription;
    private long editedVersion;
    private Row deleting;

    public void load() {
        rows = catalog.list().stream().map(this::row).toList();
    }

    private Row row(Role role) {
        return new Row(role.name(), role.description(), role.isBuiltIn(), role.version(), catalog.holders(role.name()));
    }

    @Transactional
    public String create() {
        if (Messages.valueOrShowErrors(catalog.create(newName, newDescription, session.actor()), CREATE_FORM)
                .isPresent()) {
            Messages.info("Role " + newName + " is created.");
            newName = null;
            newDescription = null;
            load();
        }
        return null;
    }

    public void edit(Row row) {
        editing = row.name();
        editedDescription = row.description();
        editedVersion = row.version();
        deleting = null;
    }

    public void cancel() {
        editing = null;
        deleting = null;
    }

    @Transactional
    public String saveDescription() {
        Outcome<Role> outcome = catalog.changeDescription(editing, editedDescription, editedVersion, session.actor());
        if (Messages.valueOrShowErrors(outcome, EDIT_FORM).isPresent()) {
            Messages.info("Role " + editing + " is changed.");
            editing = null;
            load();
        }
        return null;
    }

    public void askToDelete(Row row) {
        deleting = row;
        editing = null;
    }

    /** Deletes the role the administrator confirmed, withdrawing it from the applications the confirmation named. */
    @Transactional
    public String delete() {
        if (Messages.doneOrShowErrors(catalog.remove(deleting.name(), true, session.actor()), CREATE_FORM)) {
            Messages.info("Role " + deleting.name() + " is deleted.");
            deleting = null;
            load();
        }
        return null;
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getNewDescription() {
        return newDescription;
    }

    public void setNewDescription(String newDescription) {
        this.newDescription = newDescription;
    }

    public String getEditing() {
        return editing;
    }

    public String getEditedDescription() {
        return editedDescription;
    }

    public void setEditedDescription(String editedDescription) {
        this.editedDescription = editedDescription;
    }

    public Row getDeleting() {
        return deleting;
    }
}
