package dev.portcullis.ui.common;

/**
 * What a custom dialog opens on, with the type of its answer: a group to edit (answering the user's draft),
 * a delete to confirm (answering yes), a conflict to settle. A view model asks through
 * {@link DialogService#show}; which dialog answers it is the composition root's choice, and a test's.
 *
 * @param <R> what the dialog answers when the user goes on
 */
public interface DialogRequest<R> {
}
