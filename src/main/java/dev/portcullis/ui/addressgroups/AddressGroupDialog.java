package dev.portcullis.ui.addressgroups;

import dev.portcullis.domain.AddressGroupDraft;
import dev.portcullis.domain.SafeText;
import dev.portcullis.ui.common.DialogLook;
import dev.portcullis.ui.common.FxDialogService;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The address-group dialog: name, description and the prefixes, one per line (or separated by commas), with
 * what is wrong and what Neutron will keep said under them as the user types. Create or Save closes it with
 * the draft while it is valid; it never saves anything itself.
 */
public final class AddressGroupDialog extends Dialog<AddressGroupDraft> {

    /** Makes the address-group dialog answer {@link AddressGroupEditRequest}s. */
    public static void register(FxDialogService dialogs) {
        dialogs.register(AddressGroupEditRequest.class, (request, owner) -> new AddressGroupDialog(request, owner)
                .showAndWait());
    }

    public AddressGroupDialog(AddressGroupEditRequest request, Window owner) {
        AddressGroupEditorViewModel vm = new AddressGroupEditorViewModel(request);
        DialogLook.prepare(this, owner);
        setTitle(SafeText.line(request.title()));
        getDialogPane().getStyleClass().add("address-group-dialog");

        TextField name = new TextField();
        name.setId("addressGroupName");
        name.textProperty().bindBidirectional(vm.nameProperty());
        name.setPromptText("e.g. office");
        TextField description = new TextField();
        description.setId("addressGroupDescription");
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        TextArea addresses = new TextArea();
        addresses.setId("addressGroupAddresses");
        addresses.textProperty().bindBidirectional(vm.addressesProperty());
        addresses.setPromptText("e.g. 192.0.2.0/24, 2001:db8::/32");
        addresses.setPrefRowCount(8);
        addresses.setPrefColumnCount(36);
        VBox.setVgrow(addresses, Priority.ALWAYS);

        Label problems = new Label();
        problems.setId("addressGroupProblems");
        problems.getStyleClass().add("danger");
        problems.setWrapText(true);
        problems.textProperty().bind(vm.problemsProperty());
        problems.visibleProperty().bind(vm.problemsProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());
        Label outcome = new Label();
        outcome.setId("addressGroupOutcome");
        outcome.getStyleClass().add("text-muted");
        outcome.setWrapText(true);
        outcome.textProperty().bind(vm.outcomeProperty());
        Label error = new Label(request.error() == null ? "" : SafeText.message(request.error()));
        error.setId("addressGroupError");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.setVisible(request.error() != null);
        error.setManaged(request.error() != null);

        GridPane fields = new GridPane();
        fields.setHgap(12);
        fields.setVgap(8);
        fields.addRow(0, new Label("Name"), name);
        fields.addRow(1, new Label("Description"), description);
        GridPane.setHgrow(name, Priority.ALWAYS);
        Label hint = new Label("Prefixes, one per line or separated by commas, each with its length"
                + " (10.0.0.1/32 for one address). A rule uses those of its own IP version.");
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        for (Label wrapping : new Label[] {error, hint, problems, outcome}) {
            wrapping.setMinHeight(Region.USE_PREF_SIZE); // a wrapped label keeps all its lines, never "…"
        }
        VBox content = new VBox(10, error, fields, hint, addresses, problems, outcome);
        content.setPrefWidth(560);
        getDialogPane().setContent(content);

        ButtonType done = new ButtonType(request.original().isPresent() ? "Save" : "Create", ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(done, ButtonType.CANCEL);
        Node doneButton = getDialogPane().lookupButton(done);
        doneButton.setId("addressGroupDone");
        doneButton.disableProperty().bind(vm.validProperty().not());
        setResultConverter(pressed -> pressed == done ? vm.draft() : null);
        setOnShown(e -> name.requestFocus());
    }
}
