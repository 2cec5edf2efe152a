package dev.portcullis.ui.shell;

import dev.portcullis.domain.GroupDraft;
import dev.portcullis.ui.groupeditor.GroupEditRequest;
import dev.portcullis.ui.network.NetworkConfigurationController;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import dev.portcullis.ui.review.ReviewController;
import dev.portcullis.ui.review.ReviewViewModel;
import javafx.scene.Parent;

import java.util.Optional;
import java.util.function.Function;

/**
 * The console's views of a place, wired to its Network Configuration view model: the Review view follows
 * the project that view shows, and a finding opened there shows its group and rule in it.
 */
public final class ConsoleViews implements PlaceViews {

    private final Function<GroupEditRequest, Optional<GroupDraft>> editor;

    /** @param editor the group dialog: what to open on in, the user's draft (or nothing) out */
    public ConsoleViews(Function<GroupEditRequest, Optional<GroupDraft>> editor) {
        this.editor = editor;
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
