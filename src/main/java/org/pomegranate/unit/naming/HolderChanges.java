package org.pomegranate.unit.naming;

import java.time.Clock;
import java.util.List;

import org.pomegranate.pairing.HouseholdMoved;
import org.pomegranate.region.Region;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.unit.network.UnitMerged;
import org.pomegranate.unit.network.UnitMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What becomes of titles when their holder changes. A unit or household that moves takes its
 * titles along, whatever their state, with their re-checks (the scope goes by the holder's region,
 * so the title is seen where the holder now is), each with a 持有者迁移 line in its history; a
 * pending application goes to the region that issues its level at the new place. A merged unit's
 * live titles stay its own (a title belongs to its holder, and the merge revokes nothing) and are
 * flagged 待核查, for their issuers to keep or revoke; its pending applications end 未予命名 (申报终止),
 * since nobody can name a unit that is gone.
 * <p>
 * The listeners run in the transaction of the change, so that no moment shows a title where its
 * holder no longer is, and a title that cannot follow keeps the holder from moving.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class HolderChanges {

	private final NamingRepository namings;

	private final NamingRecheckRepository rechecks;

	private final NamingSteps steps;

	private final RegionService regions;

	private final NamingLabels labels;

	private final RegionScope scope;

	private final Clock clock;

	HolderChanges(NamingRepository namings, NamingRecheckRepository rechecks, NamingSteps steps, RegionService regions,
			NamingLabels labels, RegionScope scope, Clock clock) {
		this.namings = namings;
		this.rechecks = rechecks;
		this.steps = steps;
		this.regions = regions;
		this.labels = labels;
		this.scope = scope;
		this.clock = clock;
	}

	@EventListener
	void on(UnitMoved moved) {
		follow(namings.findByUnitIdOrderById(moved.unitId()), moved.fromRegionCode(), moved.toRegionCode());
	}

	@EventListener
	void on(HouseholdMoved moved) {
		follow(namings.findByHouseholdIdOrderById(moved.householdId()), moved.fromRegionCode(), moved.toRegionCode());
	}

	@EventListener
	void on(UnitMerged merged) {
		var today = ChinaTime.today(clock);
		var note = labels.text("naming.flag.unitMerged", merged.mergedOn(), merged.reason());
		var withdrawal = labels.text("naming.withdrawn.unitMerged", merged.mergedOn(), merged.reason());
		for (var title : namings.findByUnitIdOrderById(merged.unitId())) {
			var step = title.getState() == NamingState.APPLIED ? title.withdrawn(withdrawal, today, scope.currentUsername())
					: title.flagForReview(today, note, scope.currentUsername());
			if (step != null) {
				steps.record(title, step);
			}
		}
	}

	private void follow(List<Naming> titles, String from, String to) {
		var today = ChinaTime.today(clock);
		var actor = scope.currentUsername();
		for (var title : titles) {
			var moved = new Holder(title.getHolderKind(), to, title.getUnitId(), title.getHouseholdId(), title.getHolderName());
			var issuer = title.getState() == NamingState.APPLIED ? Holders.issuerFor(moved, title.getLevel()) : null;
			var note = issuer == null || issuer.equals(title.getIssuerRegionCode())
					? labels.text("naming.move.note", name(from), name(to))
					: labels.text("naming.move.note.issuer", name(from), name(to), name(issuer));
			steps.record(title, title.holderMoved(to, issuer, note, today, actor));
			for (var recheck : rechecks.findByNamingIdOrderByIdDesc(title.getId())) {
				recheck.holderMoved(to);
				rechecks.saveAndFlush(recheck);
			}
		}
	}

	private String name(String code) {
		return regions.find(code).map(Region::getName).orElse(code) + "（" + code + "）";
	}

}
