package dev.portcullis.backend.neutron;

import dev.portcullis.domain.Problem;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.Validation;
import dev.portcullis.files.NeutronJson;

import java.util.List;

/**
 * Which rules of a refused bulk request Neutron's refusal is about. Neutron names the problem but not the
 * rule; the domain checks rules the way Neutron does, so the rules it finds the same problem in are the ones.
 */
final class RuleCulprits {

    private RuleCulprits() {
    }

    static List<Rule> find(List<Rule> rules, String code) {
        List<Rule> matching = rules.stream().filter(r -> hasProblem(r, code)).toList();
        if (!matching.isEmpty()) {
            return matching;
        }
        return rules.size() == 1 ? rules : List.of();
    }

    private static boolean hasProblem(Rule rule, String code) {
        List<Problem> problems = Validation.ruleRequest(NeutronJson.ruleRequestMembers(rule)).problems();
        return problems.stream().anyMatch(p -> p.code().equals(code));
    }
}
