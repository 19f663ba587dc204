package org.pomegranate.assessment.framework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.pomegranate.shared.BusinessRuleException;

/**
 * One tier of a 分档 article: from {@code threshold} per cent of the target up, {@code share} per
 * cent of the article's points. Written {@code 95:100;90:80;80:60}, thresholds descending; below
 * the last, nothing.
 */
public record Tier(BigDecimal threshold, BigDecimal share) {

	/** The tiers as written; refuses (framework.problem.tiers) anything else, including thresholds not descending. */
	public static List<Tier> parse(String text) {
		var tiers = new ArrayList<Tier>();
		if (text.isBlank()) {
			return tiers;
		}
		try {
			for (var part : text.replace('；', ';').replace('：', ':').split(";")) {
				var ends = part.strip().split(":");
				if (ends.length != 2) {
					throw new BusinessRuleException("framework.problem.tiers");
				}
				var tier = new Tier(new BigDecimal(ends[0].strip()), new BigDecimal(ends[1].strip()));
				if (tier.threshold.signum() < 0 || tier.share.signum() < 0 || tier.share.compareTo(BigDecimal.valueOf(100)) > 0
						|| (!tiers.isEmpty() && tiers.get(tiers.size() - 1).threshold.compareTo(tier.threshold) <= 0)) {
					throw new BusinessRuleException("framework.problem.tiers");
				}
				tiers.add(tier);
			}
		}
		catch (NumberFormatException ex) {
			throw new BusinessRuleException("framework.problem.tiers");
		}
		return tiers;
	}

	/** The inverse of {@link #parse}. */
	public static String format(List<Tier> tiers) {
		var text = new StringBuilder();
		for (var tier : tiers) {
			if (!text.isEmpty()) {
				text.append(';');
			}
			text.append(tier.threshold.stripTrailingZeros().toPlainString())
				.append(':')
				.append(tier.share.stripTrailingZeros().toPlainString());
		}
		return text.toString();
	}

}
