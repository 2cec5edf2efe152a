package dev.portcullis.ui.shell;

/** How the main window stands with its place, in the status bar's words. */
public enum Connection {
    CONNECTING("Connecting…"), CONNECTED("Connected"), READ_ONLY("Read-only"), OFFLINE("Offline"), FAILED("Could not connect");

    private final String text;

    Connection(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
