package dev.portcullis.ui.groupeditor;

/** One line of what Add or Save will do, with its kind so the dialog can mark it. */
public record Change(Kind kind, String text) {

    public enum Kind {
        CREATE_GROUP,
        UPDATE_GROUP,
        ADD_RULE,
        CHANGE_RULE,
        REMOVE_RULE
    }
}
