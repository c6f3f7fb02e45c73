import { sql, type Kysely } from 'kysely';

/**
 * Cargo manifests from the port community system (docs/customs/port-manifests.md): each manifest
 * once per port reference and content digest, its lines (bills of lading) and their containers,
 * which declarations clear each line, what is wrong with it, and the gate-out decision per container.
 */
export const portManifestsMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table port_manifests (
        id uuid primary key default gen_random_uuid(),
        port_member text not null,
        reference text not null,
        digest text not null,
        format text not null check (format in ('json', 'cuscar')),
        transport_mode text not null check (transport_mode in ('sea', 'air')),
        means_id text not null,
        voyage text not null,
        port_of_arrival text not null,
        arrival_date date not null,
        submitted_by text not null,
        received_at timestamptz not null default now(),
        matched_at timestamptz,
        unique (port_member, reference)
      );
      create index port_manifests_received on port_manifests (received_at desc);
      create table port_manifest_lines (
        id uuid primary key default gen_random_uuid(),
        manifest_id uuid not null references port_manifests (id),
        line_number integer not null,
        bill_of_lading text not null,
        consignee_name text not null,
        consignee_tax_id text not null,
        packages_count integer not null check (packages_count > 0),
        packages_kind text not null,
        gross_mass_kg numeric(15, 3) not null,
        description text not null,
        unique (manifest_id, line_number)
      );
      create index port_manifest_lines_bill on port_manifest_lines (bill_of_lading);
      create table port_manifest_containers (
        line_id uuid not null references port_manifest_lines (id),
        container text not null,
        primary key (line_id, container)
      );
      create index port_manifest_containers_number on port_manifest_containers (container);
      create table port_line_matches (
        line_id uuid not null references port_manifest_lines (id),
        declaration_id text not null,
        declaration_reference text not null,
        declaration_state text not null,
        released boolean not null,
        matched_by text not null check (matched_by in ('transport_document', 'containers_and_consignee')),
        primary key (line_id, declaration_id)
      );
      create table port_discrepancies (
        line_id uuid primary key references port_manifest_lines (id),
        manifest_id uuid not null references port_manifests (id),
        kind text not null check (kind in ('undeclared', 'quantity_short', 'quantity_over')),
        manifested_kg numeric(15, 3) not null,
        declared_kg numeric(15, 3),
        detected_at timestamptz not null default now()
      );
      create index port_discrepancies_manifest on port_discrepancies (manifest_id);
      create table port_gate_outs (
        line_id uuid not null references port_manifest_lines (id),
        container text not null,
        decision text not null check (decision in ('allowed', 'refused')),
        reason text check (reason in ('not_declared', 'not_released')),
        message_id text,
        decided_at timestamptz not null default now(),
        primary key (line_id, container)
      );
    `.execute(db);
  },
};
