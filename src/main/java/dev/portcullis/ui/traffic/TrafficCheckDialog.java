package dev.portcullis.ui.traffic;

import dev.portcullis.domain.Direction;
import dev.portcullis.review.TrafficCheckAnswer.Verdict;
import dev.portcullis.ui.common.DialogLook;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Objects;

/**
 * Tools > Check traffic…: the questions on the left of each row, what is wrong with a value under it, the
 * answer below. Enter or Check answers; Close closes.
 */
public final class TrafficCheckDialog extends Dialog<Void> {

    private static final String CSS = Objects.requireNonNull(TrafficCheckDialog.class.getResource("traffic.css"),
            "traffic.css is missing").toExternalForm();

    public TrafficCheckDialog(TrafficCheckViewModel vm, Window owner) {
        DialogLook.prepare(this, owner);
        setTitle("Check traffic");
        getDialogPane().getStylesheets().add(CSS);
        getDialogPane().getStyleClass().add("traffic-dialog");
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);

        ComboBox<TrafficCheckViewModel.Target> target = new ComboBox<>(vm.targets());
        target.setId("target");
        target.valueProperty().bindBidirectional(vm.targetProperty());
        target.setMaxWidth(Double.MAX_VALUE);
        ComboBox<Direction> direction = new ComboBox<>();
        direction.setId("direction");
        direction.getItems().setAll(Direction.INGRESS, Direction.EGRESS);
        direction.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Direction d) {
                return d == null ? "" : d == Direction.INGRESS ? "Ingress (to the interface)" : "Egress (from it)";
            }

            @Override
            public Direction fromString(String s) {
                return null;
            }
        });
        direction.valueProperty().bindBidirectional(vm.directionProperty());
        ComboBox<String> protocol = new ComboBox<>();
        protocol.setId("protocol");
        protocol.setEditable(true);
        protocol.getItems().setAll("TCP", "UDP", "ICMP", "IPv6-ICMP", "SCTP"); // as rules say them everywhere
        protocol.getEditor().textProperty().bindBidirectional(vm.protocolProperty());
        TextField port = text("port", "1 to 65535, e.g. 22", vm.portProperty());
        port.disableProperty().bind(vm.portsUsed().not());
        TextField type = text("icmpType", "type, 8: echo request", vm.icmpTypeProperty());
        TextField code = text("icmpCode", "code, 0 if empty", vm.icmpCodeProperty());
        type.disableProperty().bind(vm.icmpUsed().not());
        code.disableProperty().bind(vm.icmpUsed().not());
        HBox icmp = new HBox(8, type, code);
        TextField remote = text("remote", "203.0.113.5 or 2001:db8::5", vm.remoteProperty());

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints(360);
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, fields);
        int row = 0;
        row = row(form, row, "Group or interface", target, vm.targetErrorProperty(), "targetError");
        row = row(form, row, "Direction", direction, null, null);
        row = row(form, row, "Protocol", protocol, vm.protocolErrorProperty(), "protocolError");
        row = row(form, row, "Port", port, vm.portErrorProperty(), "portError");
        row = row(form, row, "ICMP type and code", icmp, vm.icmpErrorProperty(), "icmpError");
        row(form, row, "Remote address", remote, vm.remoteErrorProperty(), "remoteError");

        Button check = new Button("Check", new FontIcon("mdal-help_outline"));
        check.setId("check");
        check.setDefaultButton(true);
        check.getStyleClass().add("accent");
        check.disableProperty().bind(vm.readyProperty().not());
        target.disableProperty().bind(vm.readyProperty().not());
        // "Preparing the check of 10,000 groups…" while the worker makes it; why it failed, should it fail
        Label preparation = new Label();
        preparation.setId("preparation");
        preparation.setWrapText(true);
        preparation.setMinHeight(Region.USE_PREF_SIZE);
        preparation.textProperty().bind(vm.preparationProperty());
        preparation.visibleProperty().bind(vm.preparationProperty().isNotEmpty());
        preparation.managedProperty().bind(preparation.visibleProperty());
        check.setOnAction(e -> {
            vm.check();
            // the answer and the field errors add lines: the window grows to show them
            getDialogPane().getScene().getWindow().sizeToScene();
        });

        Label headline = new Label();
        headline.setId("verdict");
        headline.setWrapText(true);
        headline.setMinHeight(Region.USE_PREF_SIZE);
        headline.textProperty().bind(vm.headlineProperty());
        headline.getStyleClass().add("verdict");
        vm.verdictProperty().addListener((obs, old, now) -> style(headline, now));
        VBox details = new VBox(4);
        details.setId("details");
        vm.details().addListener((javafx.collections.ListChangeListener<String>) change ->
                details.getChildren().setAll(vm.details().stream().map(TrafficCheckDialog::line).toList()));
        VBox answer = new VBox(6, headline, details);
        answer.getStyleClass().add("answer");
        answer.visibleProperty().bind(vm.headlineProperty().isNotEmpty());
        answer.managedProperty().bind(answer.visibleProperty());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox actions = new HBox(12, preparation, gap, check);
        actions.setAlignment(Pos.CENTER_RIGHT);
        VBox content = new VBox(12, form, actions, answer);
        content.setPrefWidth(620);
        getDialogPane().setContent(content);
        setResultConverter(button -> null);
        setOnShown(e -> port.requestFocus());
    }

    private static TextField text(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static int row(GridPane form, int row, String label, Node field, ObservableStringValue error, String id) {
        Label name = new Label(label);
        form.add(name, 0, row);
        form.add(field, 1, row);
        if (error == null) {
            return row + 1;
        }
        Label says = new Label();
        says.setId(id);
        says.setWrapText(true);
        says.setMinHeight(Region.USE_PREF_SIZE);
        says.getStyleClass().add("field-error");
        says.textProperty().bind(error);
        says.visibleProperty().bind(Bindings.createBooleanBinding(() -> !error.get().isEmpty(), error));
        says.managedProperty().bind(says.visibleProperty());
        form.add(says, 1, row + 1);
        return row + 2;
    }

    private static Label line(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE); // wrapped, never cut short with an ellipsis
        label.getStyleClass().add("answer-line");
        return label;
    }

    private static void style(Label headline, Verdict verdict) {
        headline.getStyleClass().removeAll("allowed", "denied", "unknown");
        if (verdict != null) {
            headline.getStyleClass().add(verdict.label());
        }
    }
}
