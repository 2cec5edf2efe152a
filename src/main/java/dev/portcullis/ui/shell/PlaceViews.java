package dev.portcullis.ui.shell;

import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import javafx.scene.Parent;

/** Makes the views the main window shows for a place, side by side as tabs. */
public interface PlaceViews {

    /** The Network Configuration view of a place. */
    Parent network(NetworkConfigurationViewModel network);

    /**
     * The Review view of the same place.
     *
     * @param showNetwork brings the Network Configuration view to the front (after a finding chose a group)
     */
    Parent review(NetworkConfigurationViewModel network, Runnable showNetwork);

    /** The Address Groups view of the same place. */
    Parent addressGroups(NetworkConfigurationViewModel network);

    /** The Interfaces view of the same place. */
    Parent interfaces(NetworkConfigurationViewModel network);
}
