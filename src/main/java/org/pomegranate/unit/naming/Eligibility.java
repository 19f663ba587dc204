package org.pomegranate.unit.naming;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.pomegranate.shared.BusinessRuleException;
import org.springframework.stereotype.Component;

/**
 * The eligibility chain, checked when an application is filed and again on the naming day: a
 * national title needs a provincial one of the same holder, and a level whose rule says so
 * needs one of the level below, held on that day (有效 or 复查中; 限期整改 does not count). A
 * holder that no region can give the lower level to (a prefecture asking for a 省级 title has no
 * 州级 one to show: a region is never named by itself) is not asked for it.
 */
@Component
class Eligibility {

	private final NamingRepository namings;

	private final NamingRules rules;

	private final NamingLabels labels;

	Eligibility(NamingRepository namings, NamingRules rules, NamingLabels labels) {
		this.namings = namings;
		this.rules = rules;
		this.labels = labels;
	}

	/** Why {@code holder} may not hold a title of {@code level} from {@code issuer} on {@code day}, in words. */
	Optional<BusinessRuleException> refusal(Holder holder, NamingLevel level, String issuer, LocalDate day) {
		if (!rules.of(issuer, level).needsLower()) {
			return Optional.empty();
		}
		var lower = level.lower().orElseThrow();
		if (Holders.issuerFor(holder, lower) == null) {
			return Optional.empty();
		}
		List<Naming> lowerTitles = namings.findOfHolder(holder, List.of(lower));
		boolean held = lowerTitles.stream().anyMatch(n -> counts(n, day));
		if (held) {
			return Optional.empty();
		}
		// The latest lower title that was named, to say what became of it.
		var latest = lowerTitles.stream()
			.filter(n -> n.getNamedOn() != null)
			.max(Comparator.comparing(Naming::getNamedOn).thenComparing(Naming::getId));
		if (latest.isPresent()) {
			var title = latest.get();
			return Optional.of(new BusinessRuleException("naming.refused.lowerEnded", holder.name(), labels.of(lower),
					title.getTitle(), labels.of(title.stateOn(day)), labels.of(level)));
		}
		return Optional.of(new BusinessRuleException("naming.refused.lowerMissing", holder.name(), labels.of(lower),
				labels.of(level)));
	}

	void check(Holder holder, NamingLevel level, String issuer, LocalDate day) {
		var refused = refusal(holder, level, issuer, day);
		if (refused.isPresent()) {
			throw refused.get();
		}
	}

	/** For the chain a title counts on {@code day} when 有效 or 复查中 and within its dates. */
	private static boolean counts(Naming naming, LocalDate day) {
		return naming.isLiveOn(day)
				&& (naming.getState() == NamingState.VALID || naming.getState() == NamingState.UNDER_RECHECK);
	}

}
