package dev.portcullis.ui.shell;

import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * The main window's state: which project or backend is shown, whether work is in progress and what the
 * status bar says. The Network Configuration view model does the work; this says it for the window.
 */
public final class MainWindowViewModel {

    private final String backendName;
    private final NetworkConfigurationViewModel network;

    public MainWindowViewModel(String backendName, NetworkConfigurationViewModel network) {
        this.backendName = backendName;
        this.network = network;
    }

    /** Loads the project into the view. */
    public void load() {
        network.refresh();
    }

    /** {@code Portcullis — Local workspace}. */
    public String title() {
        return "Portcullis — " + backendName;
    }

    public String backendName() {
        return backendName;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return network.busyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return network.statusProperty();
    }

    /** {@code 3 security groups · 2 interfaces}; empty until something is loaded. */
    public ReadOnlyStringProperty countsProperty() {
        return network.countsProperty();
    }
}
