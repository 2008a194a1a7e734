-- Learning plans saved by a person: a goal and the offerings of a composed path as ordered steps
-- (the milestones). Personal data: exported and deleted with the profile (PersonalDataHolder).
create table opportunities_plan (
    id          uuid primary key,
    person_id   uuid not null,
    goal_kind   text not null check (goal_kind in ('OCCUPATION', 'JOB_AD')),
    goal_id     text not null,
    goal_title  text not null,
    created_at  timestamptz not null default now()
);
create index opportunities_plan_person on opportunities_plan (person_id);

create table opportunities_plan_step (
    plan_id      uuid not null references opportunities_plan (id) on delete cascade,
    position     int not null check (position >= 0),
    offering_id  uuid not null,
    title        text not null,
    skills       text[] not null,
    credits      numeric(7, 1),
    months       int,
    done_at      timestamptz,
    primary key (plan_id, position)
);
