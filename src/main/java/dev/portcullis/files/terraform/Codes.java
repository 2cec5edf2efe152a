package dev.portcullis.files.terraform;

/** The problem codes of the Terraform reader (re-exported by {@code files.TerraformReader}). */
public final class Codes {
    /** A file that is not HCL. */
    public static final String SYNTAX = "TerraformSyntax";
    /** Something this reader does not take (an unknown argument, a module call, a firewall rule). */
    public static final String NOT_READ = "TerraformNotRead";
    /** A value that cannot be known offline: a data source, remote state, a module output, an unset variable. */
    public static final String UNKNOWN = "TerraformUnknown";

    private Codes() {
    }
}
