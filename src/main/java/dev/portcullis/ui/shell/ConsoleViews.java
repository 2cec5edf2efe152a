package dev.portcullis.ui.shell;

import dev.portcullis.ui.common.ViewLoader;

import dev.portcullis.ui.addressgroups.AddressGroupsView;
import dev.portcullis.ui.addressgroups.AddressGroupsViewModel;
import dev.portcullis.ui.interfaces.InterfacesView;
import dev.portcullis.ui.interfaces.InterfacesViewModel;
import dev.portcullis.ui.common.DialogService;
import dev.portcullis.ui.network.GroupCommands;
import dev.portcullis.ui.network.NetworkConfigurationController;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import dev.portcullis.ui.review.ReviewController;
import dev.portcullis.ui.review.ReviewViewModel;
import javafx.scene.Parent;

import java.util.concurrent.Executor;

/**
 * The console's views of a place, wired to its Network Configuration view model: the Review view follows
 * the project that view shows, and a finding opened there shows its group and rule in it.
 */
public final class ConsoleViews implements PlaceViews {

    private final DialogService dialogs;
    private final Executor fx;

    /**
     * @param dialogs every dialog of the views: the group and address-group dialogs, their questions
     * @param fx      the FX thread's executor
     */
    public ConsoleViews(DialogService dialogs, Executor fx) {
        this.dialogs = dialogs;
        this.fx = fx;
    }

    @Override
    public Parent addressGroups(NetworkConfigurationViewModel network) {
        return AddressGroupsView.of(new AddressGroupsViewModel(network, dialogs));
    }

    @Override
    public Parent interfaces(NetworkConfigurationViewModel network) {
        return InterfacesView.of(new InterfacesViewModel(network, dialogs));
    }

    @Override
    public Parent network(NetworkConfigurationViewModel network) {
        return ViewLoader.load(NetworkConfigurationController.class, "NetworkConfigurationView.fxml",
                () -> new NetworkConfigurationController(network, new GroupCommands(network, dialogs, fx)));
    }

    @Override
    public Parent review(NetworkConfigurationViewModel network, Runnable showNetwork) {
        ReviewViewModel review = new ReviewViewModel(network.findingsProperty(), network.snapshotProperty(),
                network.reviewingProperty(), network.partRowsProperty(), (group, rule) -> {
                    if (network.reveal(group, rule)) {
                        showNetwork.run();
                    }
                });
        return ViewLoader.load(ReviewController.class, "ReviewView.fxml", () -> new ReviewController(review));
    }
}
