package org.pomegranate.petition.loop;

import org.pomegranate.petition.LedgerFigure;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.SearchText;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The filters of the ledger. {@code text} is part of the number, the matter or the petitioner's
 * name; {@code month} is {@code 2024-05}; {@code from}/{@code to} bound the day received (or, for
 * the backlog figures, the day marked or closed); {@code figure} narrows to what one figure counts;
 * {@code escalated} lists the unresolvable petitions sent up to the user's own region.
 */
public record PetitionQuery(@Nullable String text, @Nullable String regionCode, @Nullable PetitionState state,
		@Nullable Long categoryId, @Nullable PetitionSource source, @Nullable Long departmentId,
		@Nullable String month, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, @Nullable Boolean overdue,
		@Nullable Boolean backlog, @Nullable Boolean escalated, @Nullable LedgerFigure figure) {

	/**
	 * The search, trimmed, or null; refused (a {@code BusinessRuleException} with a hint) when it
	 * holds a full phone or ID number (a petition number passes), which would travel in the list's URL. An export asks before
	 * its download starts.
	 */
	public @Nullable String searchText() {
		return SearchText.clean(text, PetitionNumbers.SEARCHED);
	}

	/** No filter: every petition in the user's scope. Narrow it with the {@code in…}/{@code with…} methods. */
	public static PetitionQuery all() {
		return new PetitionQuery(null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	public static PetitionQuery backlogCases() {
		return all().inBacklog(true);
	}

	public PetitionQuery containing(@Nullable String text) {
		return new PetitionQuery(text, regionCode, state, categoryId, source, departmentId, month, from, to, overdue,
				backlog, escalated, figure);
	}

	public PetitionQuery inRegion(@Nullable String regionCode) {
		return new PetitionQuery(text, regionCode, state, categoryId, source, departmentId, month, from, to, overdue,
				backlog, escalated, figure);
	}

	public PetitionQuery inState(@Nullable PetitionState state) {
		return new PetitionQuery(text, regionCode, state, categoryId, source, departmentId, month, from, to, overdue,
				backlog, escalated, figure);
	}

	public PetitionQuery inCategory(@Nullable Long categoryId) {
		return new PetitionQuery(text, regionCode, state, categoryId, source, departmentId, month, from, to, overdue,
				backlog, escalated, figure);
	}

	public PetitionQuery fromSource(@Nullable PetitionSource source) {
		return new PetitionQuery(text, regionCode, state, categoryId, source, departmentId, month, from, to, overdue,
				backlog, escalated, figure);
	}

	public PetitionQuery withDepartment(@Nullable Long departmentId) {
		return new PetitionQuery(text, regionCode, state, categoryId, source, departmentId, month, from, to, overdue,
				backlog, escalated, figure);
	}

	public PetitionQuery inMonth(@Nullable String month) {
		return new PetitionQuery(text, regionCode, state, categoryId, source, departmentId, month, from, to, overdue,
				backlog, escalated, figure);
	}

	public PetitionQuery receivedBetween(@Nullable LocalDate from, @Nullable LocalDate to) {
		return new PetitionQuery(text, regionCode, state, categoryId, source, departmentId, month, from, to, overdue,
				backlog, escalated, figure);
	}

	public PetitionQuery overdue(@Nullable Boolean overdue) {
		return new PetitionQuery(text, regionCode, state, categoryId, source, departmentId, month, from, to, overdue,
				backlog, escalated, figure);
	}

	public PetitionQuery inBacklog(@Nullable Boolean backlog) {
		return new PetitionQuery(text, regionCode, state, categoryId, source, departmentId, month, from, to, overdue,
				backlog, escalated, figure);
	}

	public PetitionQuery escalated(@Nullable Boolean escalated) {
		return new PetitionQuery(text, regionCode, state, categoryId, source, departmentId, month, from, to, overdue,
				backlog, escalated, figure);
	}

	public PetitionQuery countedIn(@Nullable LedgerFigure figure) {
		return new PetitionQuery(text, regionCode, state, categoryId, source, departmentId, month, from, to, overdue,
				backlog, escalated, figure);
	}

}
