package dev.portcullis.ui.network;

import dev.portcullis.backend.Backend;
import dev.portcullis.review.ReviewSettings;
import javafx.beans.property.StringProperty;

import java.util.concurrent.Executor;

/**
 * What the view model's collaborators share: the backend, where its answers are applied ({@code fx}: the
 * FX thread in the console, the caller's in tests), where catalogs are built ({@code worker}: never the FX
 * thread), and the status bar's text, which loads and changes keep saying what they do.
 */
record ViewContext(Backend backend, Executor fx, Executor worker, StringProperty status, ReviewSettings review) {
}
