package dev.portcullis.ui.shell;

import dev.portcullis.review.Finding;
import dev.portcullis.review.Severity;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import dev.portcullis.ui.review.SeverityBadge;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;

import java.util.Comparator;
import java.util.List;

/**
 * A place's views as tabs: Network Configuration, then Review, whose tab carries a badge with the number
 * of findings in the colour of the most serious one (counted whether or not the view was ever opened), then
 * Address Groups and Interfaces. More views (Compare) become more tabs here.
 */
final class ViewTabs {

    private ViewTabs() {
    }

    static TabPane of(NetworkConfigurationViewModel network, PlaceViews views) {
        TabPane tabs = new TabPane();
        tabs.setId("viewTabs");
        tabs.getStyleClass().add("view-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab networkTab = new Tab("Network Configuration", views.network(network));
        networkTab.setId("networkTab");
        networkTab.setTooltip(new Tooltip("The project's security groups (Ctrl+1)"));
        Tab reviewTab = new Tab("Review");
        reviewTab.setId("reviewTab");
        // built when first shown: the window's first frame need not wait for a view nobody looks at yet
        reviewTab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected && reviewTab.getContent() == null) {
                reviewTab.setContent(views.review(network, () -> tabs.getSelectionModel().select(networkTab)));
            }
        });
        reviewTab.setTooltip(new Tooltip("What the review finds in the security groups (Ctrl+2)"));
        Label badge = SeverityBadge.of(Severity.INFO);
        badge.setId("reviewBadge");
        show(reviewTab, badge, network.findingsProperty().get());
        network.findingsProperty().addListener((obs, old, now) -> show(reviewTab, badge, now));
        Tab addressTab = new Tab("Address Groups");
        addressTab.setId("addressGroupsTab");
        addressTab.setTooltip(new Tooltip("The sets of prefixes rules can name as their remote (Ctrl+3)"));
        addressTab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected && addressTab.getContent() == null) {
                addressTab.setContent(views.addressGroups(network));
            }
        });
        Tab interfacesTab = new Tab("Interfaces");
        interfacesTab.setId("interfacesTab");
        interfacesTab.setTooltip(new Tooltip("The project's interfaces and the rules in force on each (Ctrl+4)"));
        interfacesTab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected && interfacesTab.getContent() == null) {
                interfacesTab.setContent(views.interfaces(network));
            }
        });
        tabs.getTabs().setAll(networkTab, reviewTab, addressTab, interfacesTab);
        return tabs;
    }

    /** The tab header lays its graphic out when it is set, so the badge is set and removed, not hidden. */
    private static void show(Tab tab, Label badge, List<Finding> findings) {
        boolean any = findings != null && !findings.isEmpty();
        tab.setGraphic(any ? badge : null);
        if (any) {
            Severity worst = findings.stream().map(Finding::severity).min(Comparator.naturalOrder()).orElseThrow();
            SeverityBadge.show(badge, worst, Integer.toString(findings.size()));
        }
    }
}
