-- User names are stored in their canonical form (Unicode NFKC, then lower case): sign-in, the
-- lockout and uniqueness compare them exactly, so PostgreSQL never folds a name differently from
-- Java (upper('ſ') is 'S'). Names of letters, digits and _ . - with capitals are lower-cased; the
-- old index on lower(username) kept them unique that way. (The lockout's keys were already lower
-- case.) A name in another form, only ever possible for a first admin from the environment, is
-- left as it is and no longer signs in.
update user_account
set username = lower(username)
where username ~ '^[A-Za-z0-9_.-]+$'
  and username <> lower(username);

-- Same name as before (a race on a new name is reported by it), now on the stored form.
drop index user_account_username;
create unique index user_account_username on user_account (username);
