package org.pomegranate.unit.naming;

import java.util.List;

import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.StaleEdits;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The level rules (等级规则) of an issuing region: how many years its titles of each level last
 * (1–10, five if never set) and whether one needs a valid title of the level below. A national
 * title always needs a provincial one. An admin sets the rules of the levels their own region issues.
 */
@Service
@Transactional(readOnly = true)
public class NamingRules {

	static final String ENTITY = "NamingRule";

	private final NamingRuleRepository rules;

	private final RegionScope scope;

	private final AuditLog auditLog;

	private final NamingLabels labels;

	NamingRules(NamingRuleRepository rules, RegionScope scope, AuditLog auditLog, NamingLabels labels) {
		this.rules = rules;
		this.scope = scope;
		this.auditLog = auditLog;
		this.labels = labels;
	}

	/** The rule for titles of {@code level} issued by {@code issuer}, the default where none is set. */
	public NamingRule of(String issuer, NamingLevel level) {
		return rules.findById(new NamingRule.Key(issuer, level)).orElseGet(() -> NamingRule.defaultOf(issuer, level));
	}

	/** The levels the admin's own region issues, with their rules. */
	@PreAuthorize("hasRole('ADMIN')")
	public List<NamingRule> ownRules() {
		var issuer = scope.prefix();
		return NamingLevel.issuedBy(RegionCode.of(issuer).level()).stream().map(level -> of(issuer, level)).toList();
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public NamingRule change(NamingLevel level, int validityYears, boolean requiresLower, boolean requiresAssessment,
			long version) {
		var issuer = scope.prefix();
		if (!NamingLevel.issuedBy(RegionCode.of(issuer).level()).contains(level)) {
			throw new BusinessRuleException("naming.rules.error.level");
		}
		if (validityYears < 1 || validityYears > 10) {
			throw new BusinessRuleException("naming.rules.error.years");
		}
		var rule = rules.findById(new NamingRule.Key(issuer, level)).orElse(null);
		if (rule == null) {
			StaleEdits.requireVersion(0, version, ENTITY, issuer + "/" + level);
			rule = new NamingRule(issuer, level, scope.currentUsername());
		}
		else {
			StaleEdits.requireVersion(rule.getVersion(), version, ENTITY, issuer + "/" + level);
		}
		rule.change(validityYears, requiresLower, requiresAssessment, scope.currentUsername());
		rule = rules.saveAndFlush(rule);
		auditLog.record(AuditAction.UPDATE, ENTITY, issuer + "/" + level, labels.of(level) + " 有效期 " + validityYears
				+ " 年，" + (rule.needsLower() ? "须持有下一级有效命名" : "不要求下一级命名")
				+ (rule.isRequiresAssessment() ? "，须有已确认且达标的测评" : ""));
		return rule;
	}

}
