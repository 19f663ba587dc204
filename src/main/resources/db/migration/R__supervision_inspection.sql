-- What the rectification ledger, the inbox and the figures count, named once here; the Java twin
-- of today's answer is Rectification.isOverdue, and InspectionFiguresTests holds the two together.

-- Open (未销号) on a day: ordered by then and not yet verified.
create or replace function rectification_open_on(opened_on date, closed_on date, day date) returns boolean
    language sql immutable parallel safe
    return opened_on <= day and (closed_on is null or closed_on > day);

-- Overdue (逾期) on a day: open, past its deadline, and not waiting in a report filed by then (one
-- sent back, 未通过, waits for a new report). Today that is: waiting for the responsible side's
-- report (待整改 or 未通过) and past the deadline. A past day is read with the deadline in force
-- now, which a 未通过 may have moved.
create or replace function rectification_overdue_on(state varchar, opened_on date, due_on date, reported_on date,
                                                    closed_on date, day date) returns boolean
    language sql immutable parallel safe
    return rectification_open_on(opened_on, closed_on, day) and due_on < day
        and not (reported_on is not null and reported_on <= day and state <> 'RETURNED');
