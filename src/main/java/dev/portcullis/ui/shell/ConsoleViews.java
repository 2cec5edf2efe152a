package dev.portcullis.ui.shell;

import dev.portcullis.ui.common.ViewLoader;

import dev.portcullis.domain.AddressGroupDraft;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.ui.addressgroups.AddressGroupEditRequest;
import dev.portcullis.ui.addressgroups.AddressGroupsView;
import dev.portcullis.ui.addressgroups.AddressGroupsViewModel;
import dev.portcullis.ui.interfaces.InterfacesView;
import dev.portcullis.ui.interfaces.InterfacesViewModel;
import dev.portcullis.ui.groupeditor.GroupEditRequest;
import dev.portcullis.ui.network.NetworkConfigurationController;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import dev.portcullis.ui.review.ReviewController;
import dev.portcullis.ui.review.ReviewViewModel;
import javafx.scene.Parent;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.BiPredicate;

/**
 * The console's views of a place, wired to its Network Configuration view model: the Review view follows
 * the project that view shows, and a finding opened there shows its group and rule in it.
 */
public final class ConsoleViews implements PlaceViews {

    private final Function<GroupEditRequest, Optional<GroupDraft>> editor;
    private final Function<AddressGroupEditRequest, Optional<AddressGroupDraft>> addressGroupEditor;
    private final BiPredicate<String, String> confirm;

    /**
     * @param editor             the group dialog: what to open on in, the user's draft (or nothing) out
     * @param addressGroupEditor the address-group dialog, the same way
     * @param confirm            asks the user a question (a title, the question); true to go on
     */
    public ConsoleViews(Function<GroupEditRequest, Optional<GroupDraft>> editor,
                        Function<AddressGroupEditRequest, Optional<AddressGroupDraft>> addressGroupEditor,
                        BiPredicate<String, String> confirm) {
        this.editor = editor;
        this.addressGroupEditor = addressGroupEditor;
        this.confirm = confirm;
    }

    @Override
    public Parent addressGroups(NetworkConfigurationViewModel network) {
        return AddressGroupsView.of(new AddressGroupsViewModel(network), addressGroupEditor,
                question -> confirm.test("Delete address group", question));
    }

    @Override
    public Parent interfaces(NetworkConfigurationViewModel network) {
        return InterfacesView.of(new InterfacesViewModel(network), question -> confirm.test("Change interface",
                question));
    }

    @Override
    public Parent network(NetworkConfigurationViewModel network) {
        return ViewLoader.load(NetworkConfigurationController.class, "NetworkConfigurationView.fxml",
                () -> new NetworkConfigurationController(network, editor));
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
