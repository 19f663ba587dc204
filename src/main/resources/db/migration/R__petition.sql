-- The petition state sets and "overdue", named once for every query (Java's twins:
-- PetitionState.OPEN and AWAITING_ACCEPTANCE, Outcome.RESOLVED, Rating.SATISFACTORY,
-- Petition.isOverdue; PetitionFiguresTests holds the two to the same answers). Plain expressions
-- that the planner inlines, so the partial index petition_open_due (V12), which spells out the
-- open states, still serves them. Repeatable: Flyway runs it again whenever it changes.

-- Open: not closed now (never closed, reopened, or taken up again above); no outcome yet.
create or replace function petition_open(state text) returns boolean
    language sql immutable parallel safe
    return state in ('REGISTERED', 'PUSHED', 'RETURNED', 'ACCEPTED', 'IN_PROGRESS');

-- Not yet accepted by a handler: the accept limit still runs.
create or replace function petition_awaiting_acceptance(state text) returns boolean
    language sql immutable parallel safe
    return state in ('REGISTERED', 'PUSHED', 'RETURNED');

-- Resolved (化解): solved, or answered with policy.
create or replace function petition_resolved(outcome text) returns boolean
    language sql immutable parallel safe
    return outcome in ('SOLVED', 'POLICY');

-- Satisfied for the satisfaction rate: 满意 or 基本满意.
create or replace function petition_satisfied(rating text) returns boolean
    language sql immutable parallel safe
    return rating in ('SATISFIED', 'BASICALLY_SATISFIED');

-- Overdue on a day: open and past the close limit, or past the accept limit while not yet accepted.
create or replace function petition_overdue(state text, accept_due_on date, close_due_on date, today date)
    returns boolean
    language sql immutable parallel safe
    return petition_open(state)
        and (close_due_on < today or (petition_awaiting_acceptance(state) and accept_due_on < today));
