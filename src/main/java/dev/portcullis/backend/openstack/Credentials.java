package dev.portcullis.backend.openstack;

/**
 * What a cloud sends to Keystone: who the user is, the project to scope to and the secret that proves it.
 * Any field may be null when the auth type does not use it. The secrets print as asterisks.
 */
public record Credentials(
        String username, String userId, String userDomainName, String userDomainId,
        String projectName, String projectId, String projectDomainName, String projectDomainId,
        String applicationCredentialId, String applicationCredentialName,
        Secret password, Secret applicationCredentialSecret, Secret token) {

    public static final Credentials NONE =
            new Credentials(null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** The project as a person reads it: its name, else its id. */
    public String projectLabel() {
        return projectName != null ? projectName : projectId;
    }

    /** The user as a person reads it: the name, else the id. */
    public String userLabel() {
        return username != null ? username : userId;
    }
}
