package dev.portcullis.backend.openstack;

import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudConfigsTest {

    @TempDir
    Path root;

    Path cwd;
    Path home;
    Path system;
    Map<String, String> env = new HashMap<>();

    @BeforeEach
    void places() throws IOException {
        cwd = Files.createDirectories(root.resolve("work"));
        home = Files.createDirectories(root.resolve("home"));
        system = Files.createDirectories(root.resolve("etc/openstack"));
        env.put("XDG_CONFIG_DIRS", root.resolve("xdg-site").toString());
    }

    private CloudConfigs load() {
        return CloudConfigs.load(env, cwd, home, system);
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static String cloud(String name) {
        return "clouds:\n  " + name + ":\n    auth:\n      auth_url: https://keystone.example:5000/v3\n"
                + "      username: u\n      password: p\n      project_name: demo\n";
    }

    @Test
    void everyLocationInOpenstacksdkOrder() throws IOException {
        Path named = write(root.resolve("named/mine.yaml"), cloud("named"));
        Path inCwd = write(cwd.resolve("clouds.yaml"), cloud("cwd"));
        Path xdgHome = write(root.resolve("xdg-home/openstack/clouds.yaml"), cloud("xdg-home"));
        Path dotConfig = write(home.resolve(".config/openstack/clouds.yml"), cloud("dot-config"));
        Path site = write(root.resolve("xdg-site/openstack/clouds.yaml"), cloud("xdg-site"));
        Path etc = write(system.resolve("clouds.yaml"), cloud("etc"));
        env.put("OS_CLIENT_CONFIG_FILE", named.toString());
        env.put("XDG_CONFIG_HOME", root.resolve("xdg-home").toString());

        List<Path> order = List.of(named, inCwd, xdgHome, dotConfig, site, etc);
        List<String> names = List.of("named", "cwd", "xdg-home", "dot-config", "xdg-site", "etc");
        for (int i = 0; i < order.size(); i++) {
            CloudConfigs configs = load();
            assertThat(configs.names()).as("with %s present", order.get(i)).containsExactly(names.get(i));
            assertThat(configs.sources()).containsExactly(order.get(i));
            assertThat(configs.defaultCloud()).contains(names.get(i));
            Files.delete(order.get(i));
        }
        assertThat(load().names()).isEmpty();
    }

    @Test
    void yamlBeforeYmlBeforeJsonInOneFolder() throws IOException {
        write(cwd.resolve("clouds.json"), "{\"clouds\": {\"json\": {\"auth_type\": \"none\","
                + " \"auth\": {\"endpoint\": \"http://127.0.0.1:9696\"}}}}");
        assertThat(load().names()).containsExactly("json");
        write(cwd.resolve("clouds.yml"), cloud("yml"));
        assertThat(load().names()).containsExactly("yml");
        write(cwd.resolve("clouds.yaml"), cloud("yaml"));
        assertThat(load().names()).containsExactly("yaml");
    }

    @Test
    void homeConfigWithoutXdgIsDotConfig() throws IOException {
        write(home.resolve(".config/openstack/clouds.yaml"), cloud("home"));
        assertThat(load().names()).containsExactly("home");
        env.put("XDG_CONFIG_HOME", root.resolve("elsewhere").toString());
        assertThat(load().names()).as("~/.config/openstack is still searched after $XDG_CONFIG_HOME").containsExactly("home");
    }

    @Test
    void firstCloudsFileWinsAndIsNotMergedWithLaterOnes() throws IOException {
        write(cwd.resolve("clouds.yaml"), cloud("a"));
        write(system.resolve("clouds.yaml"), cloud("b"));
        assertThat(load().names()).containsExactly("a");
    }

    @Test
    void missingOverrideFileIsReportedAndTheUsualPlacesUsed() throws IOException {
        write(cwd.resolve("clouds.yaml"), cloud("a"));
        env.put("OS_CLIENT_CONFIG_FILE", "missing.yaml");
        CloudConfigs configs = load();
        assertThat(configs.names()).containsExactly("a");
        assertThat(configs.problems()).anySatisfy(p -> assertThat(p)
                .contains("OS_CLIENT_CONFIG_FILE").contains(cwd.resolve("missing.yaml").toString()));
    }

    @Test
    void secureYamlIsDeepMergedFromItsOwnPlace() throws IOException {
        write(cwd.resolve("clouds.yaml"), """
                clouds:
                  prod:
                    region_name: RegionTwo
                    auth:
                      auth_url: https://keystone.example:5000
                      username: alice
                      project_name: web
                """);
        write(home.resolve(".config/openstack/secure.yaml"), """
                clouds:
                  prod:
                    auth:
                      password: " s3cret "
                """);
        CloudConfig prod = load().cloud("prod");
        assertThat(prod.credentials().username()).isEqualTo("alice");
        assertThat(prod.credentials().password().reveal()).isEqualTo(" s3cret ");
        assertThat(prod.regionName()).isEqualTo("RegionTwo");
        assertThat(load().sources()).containsExactly(cwd.resolve("clouds.yaml"), home.resolve(".config/openstack/secure.yaml"));
    }

    @Test
    void secureFileOverrideVariable() throws IOException {
        write(cwd.resolve("clouds.yaml"), cloud("prod"));
        write(cwd.resolve("secure.yaml"), "clouds: {prod: {auth: {password: from-cwd}}}");
        Path other = write(root.resolve("vault/sec.yaml"), "clouds: {prod: {auth: {password: from-override}}}");
        env.put("OS_CLIENT_SECURE_FILE", other.toString());
        assertThat(load().cloud("prod").credentials().password().reveal()).isEqualTo("from-override");
    }

    @Test
    void environmentCloudFromOsVariables() {
        env.putAll(Map.of("OS_AUTH_URL", "http://127.0.0.1:5000/v3", "OS_USERNAME", "demo", "OS_PASSWORD", "pw",
                "OS_PROJECT_NAME", "demo", "OS_USER_DOMAIN_NAME", "Default", "OS_PROJECT_DOMAIN_ID", "default",
                "OS_REGION_NAME", "RegionOne", "OS_INTERFACE", "internalURL", "OS_INSECURE", "true",
                "OS_CACERT", "~/ca.pem"));
        CloudConfigs configs = load();
        assertThat(configs.names()).containsExactly("envvars");
        assertThat(configs.defaultCloud()).contains("envvars");
        CloudConfig c = configs.cloud("envvars");
        assertThat(c.authType()).isEqualTo(AuthType.PASSWORD);
        assertThat(c.authUrl()).isEqualTo(URI.create("http://127.0.0.1:5000/v3"));
        assertThat(c.credentials().username()).isEqualTo("demo");
        assertThat(c.credentials().userDomainName()).isEqualTo("Default");
        assertThat(c.credentials().projectDomainId()).isEqualTo("default");
        assertThat(c.regionName()).isEqualTo("RegionOne");
        assertThat(c.interfaceName()).isEqualTo("internal");
        assertThat(c.verify()).isFalse();
        assertThat(c.cacert()).isEqualTo(home.resolve("ca.pem"));
        assertThat(c.source()).contains("OS_*");
    }

    @Test
    void environmentApplicationCredentialAndToken() {
        env.putAll(Map.of("OS_AUTH_URL", "http://k:5000", "OS_AUTH_TYPE", "v3applicationcredential",
                "OS_APPLICATION_CREDENTIAL_ID", "app-1", "OS_APPLICATION_CREDENTIAL_SECRET", "shh"));
        CloudConfig app = load().cloud("envvars");
        assertThat(app.authType()).isEqualTo(AuthType.APPLICATION_CREDENTIAL);
        assertThat(app.credentials().applicationCredentialId()).isEqualTo("app-1");
        assertThat(app.credentials().applicationCredentialSecret().reveal()).isEqualTo("shh");

        env.clear();
        env.putAll(Map.of("OS_AUTH_URL", "http://k:5000", "OS_TOKEN", "tok", "OS_PROJECT_ID", "p1",
                "OS_CLOUD_NAME", "fromenv"));
        CloudConfig token = load().cloud("fromenv");
        assertThat(token.authType()).as("a token and no password means token auth").isEqualTo(AuthType.TOKEN);
        assertThat(token.credentials().token().reveal()).isEqualTo("tok");
    }

    @Test
    void environmentEndpointWithoutAuth() {
        env.putAll(Map.of("OS_AUTH_TYPE", "none", "OS_ENDPOINT", "http://127.0.0.1:9696"));
        CloudConfig c = load().cloud("envvars");
        assertThat(c.authType()).isEqualTo(AuthType.NONE);
        assertThat(c.endpointOverride()).isEqualTo(URI.create("http://127.0.0.1:9696"));
    }

    @Test
    void noEnvironmentCloudWithoutAnAddress() {
        env.putAll(Map.of("OS_IDENTITY_API_VERSION", "3", "OS_USERNAME", "x"));
        assertThat(load().names()).isEmpty();
    }

    @Test
    void osCloudChoosesTheDefault() throws IOException {
        write(cwd.resolve("clouds.yaml"), cloud("a") + cloud("b").replace("clouds:\n", ""));
        env.put("OS_AUTH_URL", "http://k:5000/v3");
        env.put("OS_PASSWORD", "x");
        env.put("OS_USERNAME", "x");
        env.put("OS_PROJECT_ID", "x");
        assertThat(load().names()).containsExactly("a", "b", "envvars");
        assertThat(load().defaultCloud()).contains("envvars");
        env.put("OS_CLOUD", "b");
        assertThat(load().defaultCloud()).contains("b");
        env.put("OS_CLOUD", "zz");
        CloudConfigs configs = load();
        assertThat(configs.defaultCloud()).isEmpty();
        assertThat(configs.problems()).anySatisfy(p -> assertThat(p).contains("OS_CLOUD", "'zz'", "a, b, envvars"));
    }

    @Test
    void noDefaultAmongSeveralFileClouds() throws IOException {
        write(cwd.resolve("clouds.yaml"), cloud("a") + cloud("b").replace("clouds:\n", ""));
        assertThat(load().defaultCloud()).isEmpty();
    }

    @Test
    void malformedYamlSaysFileAndLineAndTheNextFileIsUsed() throws IOException {
        Path bad = write(cwd.resolve("clouds.yaml"), "clouds:\n  a:\n    auth: {auth_url: [\n    region: x: y\n");
        write(system.resolve("clouds.yaml"), cloud("etc"));
        CloudConfigs configs = load();
        assertThat(configs.names()).containsExactly("etc");
        assertThat(configs.problems()).singleElement().satisfies(p -> assertThat(p)
                .startsWith(bad + ", line ").contains("is not valid YAML").contains("passed over"));
    }

    @Test
    void malformedYamlLineNumberIsTheBrokenLine() throws IOException {
        Path bad = write(cwd.resolve("clouds.yaml"), "clouds:\n  a:\n    region_name: one\n   bad indent: [\n");
        assertThat(load().problems()).singleElement().satisfies(p -> assertThat(p).startsWith(bad + ", line 4"));
    }

    @Test
    void malformedJsonDoesNotQuoteTheSecret() throws IOException {
        write(cwd.resolve("clouds.json"), "{\"clouds\": {\"a\": {\"auth\": {\"password\": hunter2secret}}}}");
        assertThat(load().problems()).singleElement().satisfies(p -> assertThat(p)
                .contains("line 1").contains("not valid JSON").doesNotContain("hunter2secret"));
    }

    @Test
    void emptyOrOddFilesAreSaidInWords() throws IOException {
        write(cwd.resolve("clouds.yaml"), "- a\n- b\n");
        assertThat(load().problems()).singleElement().satisfies(p -> assertThat(p).contains("holds a list"));
        write(cwd.resolve("clouds.yaml"), "cloud:\n  a: {}\n");
        assertThat(load().problems()).singleElement().satisfies(p -> assertThat(p).contains("no 'clouds' key"));
        write(cwd.resolve("clouds.yaml"), "");
        write(system.resolve("clouds.yaml"), cloud("etc"));
        assertThat(load().names()).as("an empty file is used, like openstacksdk does").isEmpty();
    }

    @Test
    void unknownCloudNamesFileAndKnownClouds() throws IOException {
        Path file = write(cwd.resolve("clouds.yaml"), cloud("a") + cloud("b").replace("clouds:\n", ""));
        assertThatThrownBy(() -> load().cloud("c")).isInstanceOfSatisfying(BackendException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.INVALID);
            assertThat(e.getMessage()).contains("'c'", file.toString(), "a, b");
        });
    }

    @Test
    void unknownCloudWithoutFilesSaysWhereItLooked() {
        assertThatThrownBy(() -> load().cloud("c")).hasMessageContaining("no clouds.yaml was found")
                .hasMessageContaining(cwd.toString()).hasMessageContaining(system.toString());
    }

    @Test
    void unusableCloudsAreListedAndExplained() throws IOException {
        Path file = write(cwd.resolve("clouds.yaml"), """
                clouds:
                  nourl:
                    auth: {username: u, password: p, project_name: x}
                  odd:
                    auth_type: v3oidcpassword
                    auth: {auth_url: "http://k:5000"}
                  certs:
                    cert: /tmp/c.pem
                    key: /tmp/k.pem
                    auth: {auth_url: "http://k:5000", username: u, password: p, project_name: x}
                  nopass:
                    auth: {auth_url: "ftp://k", username: u, project_name: x}
                  bad:
                    verify: maybe
                    interface: outside
                    api_timeout: soon
                    auth_type: none
                """);
        CloudConfigs configs = load();
        assertThat(configs.names()).containsExactly("nourl", "odd", "certs", "nopass", "bad");
        assertThat(configs.usable("nourl")).isFalse();
        assertThatThrownBy(() -> configs.cloud("nourl")).hasMessageContaining("'nourl'").hasMessageContaining(file.toString())
                .hasMessageContaining("no auth_url");
        assertThatThrownBy(() -> configs.cloud("odd")).hasMessageContaining("auth_type 'v3oidcpassword' is not supported")
                .hasMessageContaining("v3applicationcredential");
        assertThatThrownBy(() -> configs.cloud("certs")).hasMessageContaining("does not support client certificates");
        assertThatThrownBy(() -> configs.cloud("nopass")).hasMessageContaining("no password")
                .hasMessageContaining("'ftp://k' is not an http:// or https:// URL");
        assertThatThrownBy(() -> configs.cloud("bad")).hasMessageContaining("verify must be true or false")
                .hasMessageContaining("interface 'outside'").hasMessageContaining("api_timeout")
                .hasMessageContaining("endpoint");
        assertThat(configs.problems()).hasSize(5);
    }

    @Test
    void openstacksdkSpellingsAreFolded() throws IOException {
        write(cwd.resolve("clouds.yaml"), """
                clouds:
                  old:
                    auth_plugin: password
                    project-name: override
                    domain_name: Corp
                    endpoint_type: adminURL
                    network_api_timeout: 2.5
                    regions: [North, South]
                    network_endpoint_override: http://127.0.0.1:9696/
                    auth:
                      auth-url: http://k:5000/v2.0
                      user-name-unused: x
                      username: u
                      password: p
                      tenant_name: inner
                """);
        CloudConfig c = load().cloud("old");
        assertThat(c.credentials().projectName()).as("outside auth wins for project").isEqualTo("override");
        assertThat(c.credentials().userDomainName()).isEqualTo("Corp");
        assertThat(c.credentials().projectDomainName()).isEqualTo("Corp");
        assertThat(c.interfaceName()).isEqualTo("admin");
        assertThat(c.apiTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(c.regionName()).isEqualTo("North");
        assertThat(c.endpointOverride()).isEqualTo(URI.create("http://127.0.0.1:9696/"));
    }

    @Test
    void userWithoutDomainIsInTheDefaultDomain() throws IOException {
        write(cwd.resolve("clouds.yaml"), cloud("a"));
        Credentials c = load().cloud("a").credentials();
        assertThat(c.userDomainId()).isEqualTo("default");
        assertThat(c.projectDomainId()).isEqualTo("default");
        assertThat(c.userDomainName()).isNull();
    }

    @Test
    void environmentNameClashIsAProblem() throws IOException {
        write(cwd.resolve("clouds.yaml"), cloud("envvars"));
        env.put("OS_AUTH_URL", "http://k:5000");
        CloudConfigs configs = load();
        assertThat(configs.names()).containsExactly("envvars");
        assertThat(configs.problems()).anySatisfy(p -> assertThat(p).contains("OS_CLOUD_NAME"));
    }

    @Test
    void noSecretInAnyToStringOrMessage() throws IOException {
        write(cwd.resolve("clouds.yaml"), """
                clouds:
                  a:
                    auth: {auth_url: "http://k:5000", username: u, password: PASSWORD-VALUE, project_name: p}
                  b:
                    auth_type: v3applicationcredential
                    auth: {auth_url: "http://k:5000", application_credential_id: i, application_credential_secret: APP-SECRET}
                  c:
                    auth_type: token
                    auth: {auth_url: "http://k:5000", token: TOKEN-VALUE}
                """);
        CloudConfigs configs = load();
        String all = configs + configs.cloud("a").toString() + configs.cloud("b") + configs.problems()
                + configs.cloud("a").summary();
        String failure = "";
        try {
            configs.cloud("c");
        } catch (BackendException e) {
            failure = e.getMessage();
        }
        assertThat(failure).contains("names no project");
        assertThat(all + failure).doesNotContain("PASSWORD-VALUE", "APP-SECRET", "TOKEN-VALUE").contains("********");
    }
}
