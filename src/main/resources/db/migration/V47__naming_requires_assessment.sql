-- An issuer's rule may require that an application of a level name a confirmed assessment that
-- passed (测评达标): the naming keeps the link (naming.assessment_id, since V43).
alter table naming_rule add column requires_assessment boolean not null default false;
