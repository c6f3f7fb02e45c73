import { sql, type Kysely } from 'kysely';

/**
 * The passenger module (docs/customs/passengers.md): vehicle temporary-admission passes and
 * foreign-currency declarations, each attested by a signed document. One VIN has at most one open
 * pass (issued or entered): the partial unique index decides between two requests racing.
 */
export const passengersMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table vehicle_passes (
        id uuid primary key default gen_random_uuid(),
        document_id uuid not null unique references documents (id),
        document_number text not null,
        traveller_id uuid not null references users (id),
        traveller_name text not null,
        passport_number text not null,
        passport_country text not null check (passport_country ~ '^[A-Z]{2}$'),
        vin text not null check (vin ~ '^[A-HJ-NPR-Z0-9]{17}$'),
        plate text not null,
        registration_country text not null check (registration_country ~ '^[A-Z]{2}$'),
        entry_office text not null,
        planned_entry_on text not null check (planned_entry_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        allowed_days integer not null check (allowed_days > 0),
        state text not null check (state in ('issued', 'entered', 'exited')),
        entered_on text,
        entered_at_office text,
        exited_on text,
        exited_at_office text,
        overdue_on text,
        created_at timestamptz not null default now(),
        check ((state = 'issued') = (entered_on is null)),
        check ((state = 'exited') = (exited_on is not null))
      );
      create unique index vehicle_passes_one_open_per_vin on vehicle_passes (vin) where state in ('issued', 'entered');
      create index vehicle_passes_traveller on vehicle_passes (traveller_id, created_at);
      create index vehicle_passes_overdue on vehicle_passes (overdue_on) where overdue_on is not null;
      create index vehicle_passes_entered on vehicle_passes (entered_on) where state = 'entered';

      create table currency_declarations (
        id uuid primary key default gen_random_uuid(),
        document_id uuid not null unique references documents (id),
        document_number text not null,
        traveller_id uuid not null references users (id),
        traveller_name text not null,
        passport_number text not null,
        passport_country text not null check (passport_country ~ '^[A-Z]{2}$'),
        direction text not null check (direction in ('entry', 'exit')),
        office text not null,
        declared_on text not null check (declared_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        amounts jsonb not null,
        national_currency text not null,
        total_national bigint not null check (total_national >= 0),
        created_at timestamptz not null default now()
      );
      create index currency_declarations_traveller on currency_declarations (traveller_id, created_at);
    `.execute(db);
  },
};
