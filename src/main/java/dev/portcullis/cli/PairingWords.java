package dev.portcullis.cli;

import dev.portcullis.domain.DraftIds;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.DefinitionReport.GroupReport;

import java.util.List;

/** Why a group of the file cannot be paired with one of the project's by its name, and what to do about it. */
final class PairingWords {

    private static final String HOW = " (a definition file's \"id\", an import block in Terraform)";

    private PairingWords() {
    }

    /** The project has several groups of the name (none claimed by id), and the file's group no id of them. */
    static String ambiguous(String name, String fileId, List<SecurityGroup> candidates) {
        String why = fileId == null || DraftIds.isDraft(fileId) ? "this group of the file has no id"
                : "the project has no group with this group's id " + fileId;
        return "the project has " + candidates.size() + " groups named \"" + name + "\" ("
                + String.join(", ", candidates.stream().map(SecurityGroup::id).sorted().toList()) + ") and " + why
                + ", so which one it is cannot be told; Portcullis does not guess, nor create another \"" + name
                + "\". Give this group in the file the id of the one it is" + HOW
                + ", or name the project's groups apart.";
    }

    /** The file has several groups of the name that pair by name alone. */
    static String twiceInTheFile(String name, List<GroupReport> namesakes) {
        return "the file has " + namesakes.size() + " groups named \"" + name + "\" without an id of the project's ("
                + String.join(", ", namesakes.stream().map(GroupReport::path).toList())
                + "): which is which cannot be told, now or when planned again. Name them apart, or give each the"
                + " id of its group in the project" + HOW + ".";
    }
}
