package dev.portcullis.ui.common;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Loads an FXML view with the controller the caller built (constructor injection: FXML only names the
 * class). The FXML lives beside the controller's package under resources, named after the view.
 */
public final class ViewLoader {

    private ViewLoader() {
    }

    /** Loads {@code <ControllerPackage>/<fxmlName>} with {@code controller} as its controller. */
    public static <C> Parent load(Class<C> controllerType, String fxmlName, Supplier<C> controller) {
        URL fxml = Objects.requireNonNull(controllerType.getResource(fxmlName),
                () -> "missing FXML " + fxmlName + " beside " + controllerType.getName());
        FXMLLoader loader = new FXMLLoader(fxml);
        C instance = controller.get();
        loader.setControllerFactory(type -> {
            if (type.isInstance(instance)) {
                return instance;
            }
            throw new IllegalStateException("No controller registered for " + type.getName() + " in " + fxmlName);
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + fxmlName, e);
        }
    }
}
