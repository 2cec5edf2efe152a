package dev.portcullis.files;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ~} is {@code $HOME}, as for the shell and the OpenStack tools; the account's home only without it. */
class UserEnvironmentTest {

    private static final Path CWD = Path.of("/work");
    private static final String ACCOUNT = "/home/account";

    @Test
    void homeIsTheHomeVariableNotTheAccountsHome() {
        assertThat(UserEnvironment.of(Map.of("HOME", "/tmp/alice"), CWD, ACCOUNT).home()).isEqualTo(Path.of("/tmp/alice"));
    }

    @Test
    void theAccountsHomeCountsOnlyWhenHomeIsUnsetOrEmpty() {
        assertThat(UserEnvironment.of(Map.of(), CWD, ACCOUNT).home()).isEqualTo(Path.of(ACCOUNT));
        assertThat(UserEnvironment.of(Map.of("HOME", ""), CWD, ACCOUNT).home()).isEqualTo(Path.of(ACCOUNT));
    }

    @Test
    void aLeadingTildeIsTheHomeFolder() {
        UserEnvironment env = UserEnvironment.of(Map.of("HOME", "/tmp/alice"), CWD, ACCOUNT);

        assertThat(env.expandHome("~")).isEqualTo("/tmp/alice");
        assertThat(env.expandHome("~/ca.pem")).isEqualTo("/tmp/alice/ca.pem");
        assertThat(env.expandHome("/etc/~/x")).isEqualTo("/etc/~/x");
        assertThat(env.expandHome("~bob/x")).as("another user's home is not looked up").isEqualTo("~bob/x");
    }

    @Test
    void theUsersFoldersAreUnderHomeWhenNoXdgVariableIsSet() {
        UserEnvironment env = UserEnvironment.of(Map.of("HOME", "/tmp/alice"), CWD, ACCOUNT);

        assertThat(UserFolders.data(env)).isEqualTo(Path.of("/tmp/alice/.local/share/portcullis"));
        assertThat(UserFolders.config(env)).isEqualTo(Path.of("/tmp/alice/.config/portcullis"));
        assertThat(UserFolders.state(env)).isEqualTo(Path.of("/tmp/alice/.local/state/portcullis"));
    }

    @Test
    void aTildeAtTheStartOfAnXdgVariableIsTheHomeFolder() {
        UserEnvironment env = UserEnvironment.of(Map.of("HOME", "/tmp/alice", "XDG_DATA_HOME", "~/data",
                "XDG_CONFIG_HOME", "~/cfg", "XDG_STATE_HOME", "~/st"), CWD, ACCOUNT);

        assertThat(UserFolders.data(env)).isEqualTo(Path.of("/tmp/alice/data/portcullis"));
        assertThat(UserFolders.config(env)).isEqualTo(Path.of("/tmp/alice/cfg/portcullis"));
        assertThat(UserFolders.state(env)).isEqualTo(Path.of("/tmp/alice/st/portcullis"));
    }
}
