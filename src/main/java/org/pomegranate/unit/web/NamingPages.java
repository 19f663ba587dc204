package org.pomegranate.unit.web;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;

import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.unit.naming.Naming;
import org.pomegranate.unit.naming.NamingLabels;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/** What the title pages share: region names for the titles shown, and a refusal in the user's words. */
@Component
class NamingPages {

	private final RegionService regions;

	private final NamingLabels labels;

	NamingPages(RegionService regions, NamingLabels labels) {
		this.regions = regions;
		this.labels = labels;
	}

	/** Names of the holders' and issuers' regions of {@code titles} (public facts, codes already in hand). */
	Map<String, String> regionNames(Collection<Naming> titles) {
		var codes = new HashSet<String>();
		for (var title : titles) {
			codes.add(title.getHolderRegionCode());
			codes.add(title.getIssuerRegionCode());
		}
		return regions.names(codes);
	}

	/** A refused step, rule or form as one sentence for the page's alert. */
	String refusal(RuntimeException ex) {
		if (ex instanceof InvalidInputException invalid) {
			return labels.text(invalid.firstProblem());
		}
		if (ex instanceof BusinessRuleException rule) {
			return labels.text(rule.messageKey(), rule.arguments());
		}
		if (ex instanceof OptimisticLockingFailureException) {
			return labels.text("error.staleEdit");
		}
		throw ex;
	}

}
