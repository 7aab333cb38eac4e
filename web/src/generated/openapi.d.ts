// Generated from docs/openapi.json by web/scripts/api-types.mjs (openapi-typescript): do not
// edit. Refresh with `npm --prefix web run api-types` after the document changes.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up and serving */
        get: operations["GET_healthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the store answers and start-up has finished */
        get: operations["GET_readyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics: an integration token with the scope metrics:read (or an officer's or auditor's credentials) */
        get: operations["GET_metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/checkpoint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest signed checkpoint (C2SP tlog-checkpoint in a signed note) */
        get: operations["GET_api_v1_ledger_checkpoint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ledger entries, oldest first from ?from= (what an auditor replays) or ?order=newest below ?before=, filtered by event type, actor, party and dates; each with its actor's, subject's and party's names. next_from / next_before continue (null at the end; a page may be short where the scan stops). Accept: text/csv answers every matching entry as CSV */
        get: operations["GET_api_v1_ledger_entries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/checkpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The stored signed checkpoints, largest first (cursor pages): pick two to check a consistency proof between them */
        get: operations["GET_api_v1_ledger_checkpoints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/facets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the ledger's entries can be filtered by: the event types and the actors it holds, with the actors' names */
        get: operations["GET_api_v1_ledger_facets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/entries/{index}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One ledger entry: raw leaf bytes (base64), its hash, the parsed event and the names of its actor, subject and party */
        get: operations["GET_api_v1_ledger_entries__index_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/roots/{size}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Merkle root of the ledger when it had `size` entries */
        get: operations["GET_api_v1_ledger_roots__size_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/proofs/inclusion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** RFC 6962 inclusion proof of entry `index` in the tree of `size` entries */
        get: operations["GET_api_v1_ledger_proofs_inclusion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/proofs/consistency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** RFC 6962 consistency proof between the trees of sizes `from` and `to` */
        get: operations["GET_api_v1_ledger_proofs_consistency"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every checkpoint-signing key ever used, as recorded in the ledger */
        get: operations["GET_api_v1_ledger_keys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An evidence bundle (zip): the selected events with inclusion proofs, their documents, the latest signed checkpoint, the keys, a signed manifest and an offline verify.html; events after the latest checkpoint are not included */
        get: operations["GET_api_v1_ledger_evidence"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/accord/checkpoint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest checkpoint with its witnesses' cosignatures (a C2SP signed note) */
        get: operations["GET__well_known_accord_checkpoint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Notes, oldest first; filter by subject; ?as_of=N reads the state at ledger size N */
        get: operations["GET_api_v1_notes"];
        put?: never;
        /** Annotate any subject; the note is recorded in the ledger */
        post: operations["POST_api_v1_notes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/parties/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import parties from CSV (text/csv, columns in docs/registry.md); all or nothing unless ?skip_invalid=true */
        post: operations["POST_api_v1_parties_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/parties/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The live party registry as CSV (the import's columns) */
        get: operations["GET_api_v1_parties_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/parties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List parties (filters, ?q= search, cursor pages, ?as_of=N) */
        get: operations["GET_api_v1_parties"];
        put?: never;
        /** Create a party (a ledger event: party.created) */
        post: operations["POST_api_v1_parties"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/parties/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One party (?as_of=N: as it was at ledger size N) */
        get: operations["GET_api_v1_parties__id_"];
        put?: never;
        post?: never;
        /** Delete a party entered by mistake (history stays in the ledger) */
        delete: operations["DELETE_api_v1_parties__id_"];
        options?: never;
        head?: never;
        /** Change a party; absent fields keep their value, null clears */
        patch: operations["PATCH_api_v1_parties__id_"];
        trace?: never;
    };
    "/api/v1/systems": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List systems (filters, ?q= search, cursor pages, ?as_of=N) */
        get: operations["GET_api_v1_systems"];
        put?: never;
        /** Create a system (a ledger event: system.created) */
        post: operations["POST_api_v1_systems"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/systems/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One system (?as_of=N: as it was at ledger size N) */
        get: operations["GET_api_v1_systems__id_"];
        put?: never;
        post?: never;
        /** Delete a system entered by mistake (history stays in the ledger) */
        delete: operations["DELETE_api_v1_systems__id_"];
        options?: never;
        head?: never;
        /** Change a system; absent fields keep their value, null clears */
        patch: operations["PATCH_api_v1_systems__id_"];
        trace?: never;
    };
    "/api/v1/parties/{party_id}/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List services (filters, ?q= search, cursor pages, ?as_of=N) */
        get: operations["GET_api_v1_parties__party_id__services"];
        put?: never;
        /** Create a service (a ledger event: service.created) */
        post: operations["POST_api_v1_parties__party_id__services"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One service (?as_of=N: as it was at ledger size N) */
        get: operations["GET_api_v1_services__id_"];
        put?: never;
        post?: never;
        /** Delete a service entered by mistake (history stays in the ledger) */
        delete: operations["DELETE_api_v1_services__id_"];
        options?: never;
        head?: never;
        /** Change a service; absent fields keep their value, null clears */
        patch: operations["PATCH_api_v1_services__id_"];
        trace?: never;
    };
    "/api/v1/parties/{party_id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List contacts (filters, ?q= search, cursor pages, ?as_of=N) */
        get: operations["GET_api_v1_parties__party_id__contacts"];
        put?: never;
        /** Create a contact (a ledger event: contact.created) */
        post: operations["POST_api_v1_parties__party_id__contacts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One contact (?as_of=N: as it was at ledger size N) */
        get: operations["GET_api_v1_contacts__id_"];
        put?: never;
        post?: never;
        /** Delete a contact entered by mistake (history stays in the ledger) */
        delete: operations["DELETE_api_v1_contacts__id_"];
        options?: never;
        head?: never;
        /** Change a contact; absent fields keep their value, null clears */
        patch: operations["PATCH_api_v1_contacts__id_"];
        trace?: never;
    };
    "/api/v1/parties/{party_id}/agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List agreements (filters, ?q= search, cursor pages, ?as_of=N) */
        get: operations["GET_api_v1_parties__party_id__agreements"];
        put?: never;
        /** Create an agreement (a ledger event: agreement.created) */
        post: operations["POST_api_v1_parties__party_id__agreements"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agreements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One agreement (?as_of=N: as it was at ledger size N) */
        get: operations["GET_api_v1_agreements__id_"];
        put?: never;
        post?: never;
        /** Delete an agreement entered by mistake (history stays in the ledger) */
        delete: operations["DELETE_api_v1_agreements__id_"];
        options?: never;
        head?: never;
        /** Change an agreement; absent fields keep their value, null clears */
        patch: operations["PATCH_api_v1_agreements__id_"];
        trace?: never;
    };
    "/api/v1/parties/{party_id}/due-diligence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List due-diligence (filters, ?q= search, cursor pages, ?as_of=N) */
        get: operations["GET_api_v1_parties__party_id__due_diligence"];
        put?: never;
        /** Create a due diligence (a ledger event: due_diligence.created) */
        post: operations["POST_api_v1_parties__party_id__due_diligence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/due-diligence/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One due diligence (?as_of=N: as it was at ledger size N) */
        get: operations["GET_api_v1_due_diligence__id_"];
        put?: never;
        post?: never;
        /** Delete a due diligence entered by mistake (history stays in the ledger) */
        delete: operations["DELETE_api_v1_due_diligence__id_"];
        options?: never;
        head?: never;
        /** Change a due diligence; absent fields keep their value, null clears */
        patch: operations["PATCH_api_v1_due_diligence__id_"];
        trace?: never;
    };
    "/api/v1/parties/{party_id}/controls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List controls (filters, ?q= search, cursor pages, ?as_of=N) */
        get: operations["GET_api_v1_parties__party_id__controls"];
        put?: never;
        /** Create a control (a ledger event: control.created) */
        post: operations["POST_api_v1_parties__party_id__controls"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/controls/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One control (?as_of=N: as it was at ledger size N) */
        get: operations["GET_api_v1_controls__id_"];
        put?: never;
        post?: never;
        /** Delete a control entered by mistake (history stays in the ledger) */
        delete: operations["DELETE_api_v1_controls__id_"];
        options?: never;
        head?: never;
        /** Change a control; absent fields keep their value, null clears */
        patch: operations["PATCH_api_v1_controls__id_"];
        trace?: never;
    };
    "/api/v1/parties/{party_id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List documents (filters, ?q= search, cursor pages, ?as_of=N) */
        get: operations["GET_api_v1_parties__party_id__documents"];
        put?: never;
        /** Upload a document (raw body; Content-Type: PDF, PNG, JPEG, text, CSV, DOCX or XLSX; ?filename=; at most 25 MiB); its SHA-256 goes into the ledger */
        post: operations["POST_api_v1_parties__party_id__documents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One document (?as_of=N: as it was at ledger size N) */
        get: operations["GET_api_v1_documents__id_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users (filters, ?q= search, cursor pages, ?as_of=N) */
        get: operations["GET_api_v1_users"];
        put?: never;
        /** Create an account; returns a one-time initial password. Workforce accounts start pending until the onboarding gate (TR-7) passes */
        post: operations["POST_api_v1_users"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user (?as_of=N: as it was at ledger size N) */
        get: operations["GET_api_v1_users__id_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/entitlement-reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List entitlement-reviews (filters, ?q= search, cursor pages, ?as_of=N) */
        get: operations["GET_api_v1_entitlement_reviews"];
        put?: never;
        /** Open an ad-hoc entitlement review campaign now, due in the profile's review window (only the profile's reviewer roles); scheduled campaigns open by themselves */
        post: operations["POST_api_v1_entitlement_reviews"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/entitlement-reviews/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One entitlement review (?as_of=N: as it was at ledger size N) */
        get: operations["GET_api_v1_entitlement_reviews__id_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List alerts (filters, ?q= search, cursor pages, ?as_of=N) */
        get: operations["GET_api_v1_alerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One alert (?as_of=N: as it was at ledger size N) */
        get: operations["GET_api_v1_alerts__id_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List reviews (filters, ?q= search, cursor pages, ?as_of=N) */
        get: operations["GET_api_v1_reviews"];
        put?: never;
        /** Open a review now (the profile's open_roles); recurring reviews are opened by the scheduler */
        post: operations["POST_api_v1_reviews"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One review (?as_of=N: as it was at ledger size N) */
        get: operations["GET_api_v1_reviews__id_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/parties/{party_id}/soc2-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List soc2-reports (filters, ?q= search, cursor pages, ?as_of=N) */
        get: operations["GET_api_v1_parties__party_id__soc2_reports"];
        put?: never;
        /** Submit a party's SOC 2 report (TP-11): its contact, or an officer on its behalf; with reviewed_at it is recorded as reviewed and opens its findings */
        post: operations["POST_api_v1_parties__party_id__soc2_reports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/soc2-reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One soc2 report (?as_of=N: as it was at ledger size N) */
        get: operations["GET_api_v1_soc2_reports__id_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/change-notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List change-notices (filters, ?q= search, cursor pages, ?as_of=N) */
        get: operations["GET_api_v1_change_notices"];
        put?: never;
        /** Record a change a party will make to its services (TP-9); opens its change review, and a risk assessment when substantial */
        post: operations["POST_api_v1_change_notices"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/change-notices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One change notice (?as_of=N: as it was at ledger size N) */
        get: operations["GET_api_v1_change_notices__id_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List findings (filters, ?q= search, cursor pages, ?as_of=N) */
        get: operations["GET_api_v1_findings"];
        put?: never;
        /** Open a finding (TP-14); due by the profile's remediation window for its severity unless given */
        post: operations["POST_api_v1_findings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/findings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One finding (?as_of=N: as it was at ledger size N) */
        get: operations["GET_api_v1_findings__id_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/certifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List certifications (filters, ?q= search, cursor pages, ?as_of=N) */
        get: operations["GET_api_v1_certifications"];
        put?: never;
        /** Create a certification (a ledger event: certification.created) */
        post: operations["POST_api_v1_certifications"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/certifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One certification (?as_of=N: as it was at ledger size N) */
        get: operations["GET_api_v1_certifications__id_"];
        put?: never;
        post?: never;
        /** Delete a certification entered by mistake (history stays in the ledger) */
        delete: operations["DELETE_api_v1_certifications__id_"];
        options?: never;
        head?: never;
        /** Change a certification; absent fields keep their value, null clears */
        patch: operations["PATCH_api_v1_certifications__id_"];
        trace?: never;
    };
    "/api/v1/report-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List report-requests (filters, ?q= search, cursor pages, ?as_of=N) */
        get: operations["GET_api_v1_report_requests"];
        put?: never;
        /** Log an audit-report request for a customer who asked by email or phone; party_id links it at once */
        post: operations["POST_api_v1_report_requests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/report-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One report request (?as_of=N: as it was at ledger size N) */
        get: operations["GET_api_v1_report_requests__id_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/parties/{party_id}/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List connections (filters, ?q= search, cursor pages, ?as_of=N) */
        get: operations["GET_api_v1_parties__party_id__connections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One connection (?as_of=N: as it was at ledger size N) */
        get: operations["GET_api_v1_connections__id_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-commitments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List data-commitments (filters, ?q= search, cursor pages, ?as_of=N) */
        get: operations["GET_api_v1_data_commitments"];
        put?: never;
        /** Create a data commitment (a ledger event: data_commitment.created) */
        post: operations["POST_api_v1_data_commitments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-commitments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One data commitment (?as_of=N: as it was at ledger size N) */
        get: operations["GET_api_v1_data_commitments__id_"];
        put?: never;
        post?: never;
        /** Delete a data commitment entered by mistake (history stays in the ledger) */
        delete: operations["DELETE_api_v1_data_commitments__id_"];
        options?: never;
        head?: never;
        /** Change a data commitment; absent fields keep their value, null clears */
        patch: operations["PATCH_api_v1_data_commitments__id_"];
        trace?: never;
    };
    "/api/v1/dpf-participations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List dpf-participations (filters, ?q= search, cursor pages, ?as_of=N) */
        get: operations["GET_api_v1_dpf_participations"];
        put?: never;
        /** Create a dpf participation (a ledger event: dpf_participation.created) */
        post: operations["POST_api_v1_dpf_participations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dpf-participations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One dpf participation (?as_of=N: as it was at ledger size N) */
        get: operations["GET_api_v1_dpf_participations__id_"];
        put?: never;
        post?: never;
        /** Delete a dpf participation entered by mistake (history stays in the ledger) */
        delete: operations["DELETE_api_v1_dpf_participations__id_"];
        options?: never;
        head?: never;
        /** Change a dpf participation; absent fields keep their value, null clears */
        patch: operations["PATCH_api_v1_dpf_participations__id_"];
        trace?: never;
    };
    "/api/v1/change-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List change-requests (filters, ?q= search, cursor pages, ?as_of=N) */
        get: operations["GET_api_v1_change_requests"];
        put?: never;
        /** Submit a change to our own systems (TR-5): description, systems, risk, backout plan; emergency changes are released first */
        post: operations["POST_api_v1_change_requests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/change-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One change request (?as_of=N: as it was at ledger size N) */
        get: operations["GET_api_v1_change_requests__id_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/parties/{party_id}/vendor-incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List vendor-incidents (filters, ?q= search, cursor pages, ?as_of=N) */
        get: operations["GET_api_v1_parties__party_id__vendor_incidents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vendor-incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One vendor incident (?as_of=N: as it was at ledger size N) */
        get: operations["GET_api_v1_vendor_incidents__id_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agreements/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agreement's documents (its versions), oldest first */
        get: operations["GET_api_v1_agreements__id__documents"];
        put?: never;
        /** Upload a document (raw body; Content-Type: PDF, PNG, JPEG, text, CSV, DOCX or XLSX; ?filename=; at most 25 MiB); its SHA-256 goes into the ledger */
        post: operations["POST_api_v1_agreements__id__documents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/certifications/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A certification's documents (our reports and certificates), oldest first */
        get: operations["GET_api_v1_certifications__id__documents"];
        put?: never;
        /** Upload a document (raw body; Content-Type: PDF, PNG, JPEG, text, CSV, DOCX or XLSX; ?filename=; at most 25 MiB); its SHA-256 goes into the ledger */
        post: operations["POST_api_v1_certifications__id__documents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/findings/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A finding's evidence, oldest first */
        get: operations["GET_api_v1_findings__id__documents"];
        put?: never;
        /** Upload a document (raw body; Content-Type: PDF, PNG, JPEG, text, CSV, DOCX or XLSX; ?filename=; at most 25 MiB); its SHA-256 goes into the ledger */
        post: operations["POST_api_v1_findings__id__documents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/breach-assessments/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a document (raw body; Content-Type: PDF, PNG, JPEG, text, CSV, DOCX or XLSX; ?filename=; at most 25 MiB); its SHA-256 goes into the ledger */
        post: operations["POST_api_v1_breach_assessments__id__documents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a document's bytes (always as an attachment) */
        get: operations["GET_api_v1_documents__id__content"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/parties/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The party's timeline: ledger events about it and its objects, newest first */
        get: operations["GET_api_v1_parties__id__timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/access/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dry run: the gate's decision and reasons for a grant request; records nothing */
        post: operations["POST_api_v1_access_evaluate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/access/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Grants, newest first; filter by party_id, status, decision; ?as_of=N */
        get: operations["GET_api_v1_access_grants"];
        put?: never;
        /** Request access for a third party; the gate decides (deny | needs_approval | allow) and the decision is recorded */
        post: operations["POST_api_v1_access_grants"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/access/grants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One grant with its decision and effective status; ?as_of=N */
        get: operations["GET_api_v1_access_grants__id_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/access/grants/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a requested grant; the gate decides again first (only the profile's approver roles) */
        post: operations["POST_api_v1_access_grants__id__approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/access/grants/{id}/deny": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deny a requested grant (comment required) */
        post: operations["POST_api_v1_access_grants__id__deny"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/access/grants/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an approved or active grant at once (comment required) */
        post: operations["POST_api_v1_access_grants__id__revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/access/grants/{id}/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a connection a third party made under a grant (TP-5): endpoint, protocol, TLS version and cipher where known, time, source address; one in clear or below TLS 1.2 opens a finding on the party, once per grant, endpoint and weakness while that finding stands */
        post: operations["POST_api_v1_access_grants__id__connections"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password; starts a session (cookie) in the state the account needs next */
        post: operations["POST_api_v1_auth_sign_in"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Second step: a TOTP code (RFC 6238), usable once */
        post: operations["POST_api_v1_auth_totp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/recovery": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Second step with a one-time recovery code */
        post: operations["POST_api_v1_auth_recovery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/enrol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start TOTP enrolment: returns the secret and an otpauth:// URI for a QR code */
        post: operations["POST_api_v1_auth_mfa_enrol"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finish enrolment with a code from the app; returns recovery codes once */
        post: operations["POST_api_v1_auth_mfa_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** New recovery codes for your account (the old ones stop working), shown once; from a portal session, with your current password */
        post: operations["POST_api_v1_auth_recovery_codes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/initial-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace a system-generated initial password (session state password_change_required); continues to MFA enrolment where required */
        post: operations["POST_api_v1_auth_initial_password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current session: state, account and the CSRF token for writes */
        get: operations["GET_api_v1_auth_session"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session */
        post: operations["POST_api_v1_auth_sign_out"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-out-everywhere": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every session of this account (API tokens are revoked separately) */
        post: operations["POST_api_v1_auth_sign_out_everywhere"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your password (other sessions end) */
        post: operations["POST_api_v1_auth_password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/break-glass": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Emergency access (HIPAA 164.312(a)(2)(ii)): elevate this session to security_officer for the profile's break_glass_minutes; needs a reason, raises an alert and is recorded */
        post: operations["POST_api_v1_auth_break_glass"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether single sign-on is offered, under which name, and who may still sign in with a password */
        get: operations["GET_api_v1_auth_oidc"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out of Accord and, for a session from single sign-on, get the provider's logout address (RP-initiated logout) */
        post: operations["POST_api_v1_auth_oidc_sign_out"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/backchannel-logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Back-channel logout: the provider posts logout_token (a form); the sessions it names end at once */
        post: operations["POST_api_v1_auth_oidc_backchannel_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Single sign-on: sends the browser to the identity provider (302), the flow's state, nonce and PKCE verifier kept on the server */
        get: operations["GET_api_v1_auth_oidc_start"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/sso-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My account's links to the identity provider, and whether it has a password */
        get: operations["GET_api_v1_account_sso_links"];
        put?: never;
        /** Start linking my account to the identity provider: the flow is bound to this session, and its return links the subject instead of signing in (a portal session only) */
        post: operations["POST_api_v1_account_sso_links"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/sso-links/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unlink my account from an identity-provider subject (with my password when the account has one; never the last way to sign in) */
        post: operations["POST_api_v1_account_sso_links_remove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/sso-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account's links to the identity provider (read-only) */
        get: operations["GET_api_v1_users__id__sso_links"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Single sign-on: the provider's return; checks the ID token, starts a session and opens the portal, or a page naming what went wrong */
        get: operations["GET_api_v1_auth_oidc_callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sso": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Single sign-on's settings (read-only: they live in --config), without the client secret */
        get: operations["GET_api_v1_sso"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sso/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test connection: the provider's discovery document, its signing keys, and Accord's client credentials at its token endpoint */
        post: operations["POST_api_v1_sso_test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scim/v2/Users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SCIM: the accounts; ?filter=userName eq "…", ?startIndex, ?count */
        get: operations["GET_scim_v2_Users"];
        put?: never;
        /** SCIM: provision an account (pending its onboarding records; role staff until a group gives another) */
        post: operations["POST_scim_v2_Users"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scim/v2/Users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SCIM: one account */
        get: operations["GET_scim_v2_Users__id_"];
        /** SCIM: replace an account (its active state) */
        put: operations["PUT_scim_v2_Users__id_"];
        post?: never;
        /** SCIM: deprovision: the account is deactivated at once (the ledger keeps it) */
        delete: operations["DELETE_scim_v2_Users__id_"];
        options?: never;
        head?: never;
        /** SCIM: patch active; false deactivates at once (sessions end, tokens revoked) */
        patch: operations["PATCH_scim_v2_Users__id_"];
        trace?: never;
    };
    "/scim/v2/Groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SCIM: the groups [oidc] group_roles maps, each with the accounts of its role */
        get: operations["GET_scim_v2_Groups"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scim/v2/Groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SCIM: one mapped group */
        get: operations["GET_scim_v2_Groups__id_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** SCIM: members added take the group's role; a member removed from the group of its role is deactivated */
        patch: operations["PATCH_scim_v2_Groups__id_"];
        trace?: never;
    };
    "/api/v1/users/{id}/attestations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record an onboarding record (background check, HIPAA training, security training, policy acknowledgement, managed device) with its date */
        post: operations["POST_api_v1_users__id__attestations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** activate | deactivate | change_role | reset_mfa | reset_password, with a comment; each is a ledger event */
        post: operations["POST_api_v1_users__id__actions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your API tokens (a security officer sees everyone's) */
        get: operations["GET_api_v1_tokens"];
        put?: never;
        /** Create an API token acting as you (shown once); role defaults to yours, an officer may narrow it to auditor */
        post: operations["POST_api_v1_tokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a token (yours; a security officer any): every server refuses it within a second */
        delete: operations["DELETE_api_v1_tokens__id_"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge an alert, with a comment */
        post: operations["POST_api_v1_alerts__id__acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integration-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make an integration token for a system (no person): named scopes, bound to one party where a scope needs it; shown once, revoked like any token */
        post: operations["POST_api_v1_integration_tokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/entitlement-reviews/{id}/lines/{line_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Certify or revoke one line (comment required to revoke); a revocation deactivates the account or revokes the grant at once; never your own line */
        post: operations["POST_api_v1_entitlement_reviews__id__lines__line_id_"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** assign | document | approve | reject (TP-12) | request_info (ask the party), with a comment; each is a ledger event */
        post: operations["POST_api_v1_reviews__id__actions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{id}/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A third party answers what a review asked it (message and its own documents); a ledger event */
        post: operations["POST_api_v1_reviews__id__responses"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/parties/{party_id}/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What open reviews ask this party, with its answers (what its contacts see of a review) */
        get: operations["GET_api_v1_parties__party_id__requests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/soc2-reports/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** review: record exceptions and complementary user-entity controls; each exception and a non-clean opinion open findings */
        post: operations["POST_api_v1_soc2_reports__id__actions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/change-notices/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** implemented | withdrawn; implemented before its change review was approved opens a finding */
        post: operations["POST_api_v1_change_notices__id__actions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/findings/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** assign | resolve (with evidence) | accept_risk (with an expiry) | approve_risk (another officer) | decline_risk | reopen */
        post: operations["POST_api_v1_findings__id__actions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Compliance counts: reviews open, due within 30 days, overdue, done on time and late per kind; open and overdue findings */
        get: operations["GET_api_v1_dashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/sla-review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The quarterly SLA-review report (TP-15) as JSON, CSV (Accept: text/csv or ?format=csv) or a printable page (Accept: text/html or ?format=html) */
        get: operations["GET_api_v1_reports_sla_review"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Queued, sent and failed notifications (reminders, alerts, findings), newest first */
        get: operations["GET_api_v1_outbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your calendar feed tokens (without secrets) */
        get: operations["GET_api_v1_calendar_tokens"];
        put?: never;
        /** Create a secret iCalendar feed URL of every due review and deadline; the token is shown once */
        post: operations["POST_api_v1_calendar_tokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar-tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a calendar feed token (yours; a security officer any) */
        delete: operations["DELETE_api_v1_calendar_tokens__id_"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calendar/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The iCalendar feed (RFC 5545) of a calendar token: /calendar/{token}.ics */
        get: operations["GET_calendar__file_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit calendar: reviews, campaigns, deadlines, retrospective reviews and agreement and certificate expiries between from and to */
        get: operations["GET_api_v1_calendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit calendar as iCalendar (RFC 5545), for a calendar client that sends an API token */
        get: operations["GET_api_v1_calendar_ics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/change-requests/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** record_tests | review | approve | release | verify | back_out | reject | withdraw; author, reviewer, approver and releaser are four people unless the profile relaxes it */
        post: operations["POST_api_v1_change_requests__id__actions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/forge-logins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** The account's GitHub and GitLab logins: reviews done on the forge count as this account's, separation of duties included */
        put: operations["PUT_api_v1_users__id__forge_logins"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hooks/github": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** GitHub webhook (pull_request, pull_request_review): signed with X-Hub-Signature-256; attaches reviews and merges to the change request the pull request names */
        post: operations["POST_hooks_github"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hooks/gitlab": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** GitLab webhook (Merge Request Hook): X-Gitlab-Token; attaches approvals and merges to the change request the merge request names */
        post: operations["POST_hooks_gitlab"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forge-hooks/{forge}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new webhook secret for github or gitlab (the old one stops working); shown once */
        post: operations["POST_api_v1_forge_hooks__forge__secret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/trust": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public trust center: certifications, subprocessors, security contact */
        get: operations["GET_trust"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/trust/subprocessors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public subprocessor list */
        get: operations["GET_trust_subprocessors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/trust/subprocessors.atom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Changes to the subprocessor list as an Atom feed (RFC 4287), newest first */
        get: operations["GET_trust_subprocessors_atom"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/trust": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The trust center as JSON: organisation, certifications valid now, subprocessors */
        get: operations["GET_api_v1_public_trust"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/subprocessors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The subprocessor list as JSON */
        get: operations["GET_api_v1_public_subprocessors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/security.txt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** RFC 9116 security contact */
        get: operations["GET__well_known_security_txt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/trust/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit-report request form (IN-4) */
        get: operations["GET_trust_request"];
        put?: never;
        /** Submit the audit-report request form (form-encoded; at most 5 per address per hour) */
        post: operations["POST_trust_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/report-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Request an audit report (IN-4): name, email, organisation, report_type, needed_by, message; the answer is the same whatever becomes of it */
        post: operations["POST_api_v1_public_report_requests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/report-requests/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** link | send_nda | cancel (workforce); approve | reject | reissue (Security or Privacy Officer) */
        post: operations["POST_api_v1_report_requests__id__actions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nda/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The click-through NDA a requester was sent */
        get: operations["GET_nda__token_"];
        put?: never;
        /** Accept the NDA (form-encoded: name, email, organisation, accept) */
        post: operations["POST_nda__token_"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/downloads/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An approved report's download page */
        get: operations["GET_downloads__token_"];
        put?: never;
        /** Download the report (each download is counted and recorded) */
        post: operations["POST_downloads__token_"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/trust/subscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Subscribe an email to subprocessor-list changes (form-encoded email; a confirmation link is emailed) */
        post: operations["POST_trust_subscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Subscribe {email} to subprocessor-list changes; the answer is the same whatever the address's state */
        post: operations["POST_api_v1_public_subscriptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/trust/subscriptions/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A subscription's page: confirm it or end it */
        get: operations["GET_trust_subscriptions__token_"];
        put?: never;
        /** Confirm or end a subscription (form-encoded action=confirm | unsubscribe, or List-Unsubscribe=One-Click: RFC 8058) */
        post: operations["POST_trust_subscriptions__token_"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customer-questionnaires/{id}/trust-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email one of the customer's contacts a personal trust-center link to the shared questionnaire (an audit-report request of type customer_questionnaire: NDA-checked, approved at once when the NDA is in force, else the contact is sent the NDA first) */
        post: operations["POST_api_v1_customer_questionnaires__id__trust_link"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agreements/{id}/renew": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Renew an executed or expired agreement: a new agreement with the same terms and new dates (agreement.created), the old one kept and marked renewed (agreement.renewed) */
        post: operations["POST_api_v1_agreements__id__renew"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/my-work": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What waits for me: reviews to document or approve, access requests to approve, audit-report requests to decide, unread vendor answers and change notices, findings I own, entitlement-review lines to decide; counts per group. A party's contact: the questionnaire sections assigned to them */
        get: operations["GET_api_v1_my_work"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/my-work/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark vendor answers (by review) and change notices read for me; not the ledger. A newer answer shows again */
        post: operations["POST_api_v1_my_work_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My account's settings: the daily digest of my work by email (on unless turned off) */
        get: operations["GET_api_v1_account_settings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change my account's settings ({daily_digest: false} stops the daily email); not the ledger */
        patch: operations["PATCH_api_v1_account_settings"];
        trace?: never;
    };
    "/api/v1/red-flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What is wrong now: required agreements not in force, infrastructure partners without a current SOC 2 review, overdue reviews and findings, access that outlasts its agreement, public subprocessors not bound to our published data-use commitments; each with where it is fixed */
        get: operations["GET_api_v1_red_flags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hooks/twilio/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The SMS and voice provider's status callback (form-encoded MessageSid and MessageStatus, or CallSid and CallStatus; ErrorCode), signed with X-Twilio-Signature */
        post: operations["POST_hooks_twilio_status"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hooks/twilio/inbound": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An SMS sent to our number (form-encoded From, Body), signed with X-Twilio-Signature: STOP stops messages to that number, START resumes them, HELP answers what they are */
        post: operations["POST_hooks_twilio_inbound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outbox/delivery-rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per channel and UTC day: messages delivered, failed and pending, and the delivery rate (delivered of those that ended) */
        get: operations["GET_api_v1_outbox_delivery_rates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outbox/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One notification: its channel, recipient and status history (queued, sent, delivered, failed with the provider's error) */
        get: operations["GET_api_v1_outbox__id_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My phone number and which notifications reach me on which channel (email unless I chose otherwise) */
        get: operations["GET_api_v1_account_notifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change my phone number or my channels per topic (reminders, alerts, digest); not the ledger */
        patch: operations["PATCH_api_v1_account_notifications"];
        trace?: never;
    };
    "/api/v1/account/notifications/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send me a test message on one channel (through the outbox) */
        post: operations["POST_api_v1_account_notifications_test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/secure-messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Secure Messages the caller sent or received, newest first */
        get: operations["GET_api_v1_secure_messages"];
        put?: never;
        /** Send a Secure Message: sealed at rest, the recipient gets only a link */
        post: operations["POST_api_v1_secure_messages"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/secure-messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One Secure Message's tracking: status, read receipt, opens and downloads (never its body) */
        get: operations["GET_api_v1_secure_messages__id_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/secure-messages/{id}/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Read a Secure Message (its sender or recipient); recorded in the ledger */
        post: operations["POST_api_v1_secure_messages__id__open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/secure-messages/{id}/attachments/{index}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Download an attachment (its sender or recipient); recorded in the ledger */
        post: operations["POST_api_v1_secure_messages__id__attachments__index_"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/secure-messages/{id}/retract": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retract a Secure Message: its key is destroyed, nobody can open it again */
        post: operations["POST_api_v1_secure_messages__id__retract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/secure/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A Secure Message's page for its recipient: how to get a code */
        get: operations["GET_secure__token_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/secure/{token}/code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the recipient a one-time code on the message's second channel */
        post: operations["POST_secure__token__code"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/secure/{token}/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open the message with the one-time code (recorded in the ledger) */
        post: operations["POST_secure__token__open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/secure/{token}/attachments/{index}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Download an attachment in a reading session (recorded in the ledger) */
        post: operations["POST_secure__token__attachments__index_"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/secure/{token}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reply in a reading session: the reply is a Secure Message too */
        post: operations["POST_secure__token__reply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public status page: components, 90-day uptime, incidents, maintenance */
        get: operations["GET_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/summary.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Statuspage v2 format: summary.json */
        get: operations["GET_api_v2_summary_json"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/status.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Statuspage v2 format: status.json */
        get: operations["GET_api_v2_status_json"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/components.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Statuspage v2 format: components.json */
        get: operations["GET_api_v2_components_json"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/incidents.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Statuspage v2 format: incidents.json */
        get: operations["GET_api_v2_incidents_json"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/incidents/unresolved.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Statuspage v2 format: incidents/unresolved.json */
        get: operations["GET_api_v2_incidents_unresolved_json"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/scheduled-maintenances.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Statuspage v2 format: scheduled-maintenances.json */
        get: operations["GET_api_v2_scheduled_maintenances_json"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/scheduled-maintenances/upcoming.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Statuspage v2 format: scheduled-maintenances/upcoming.json */
        get: operations["GET_api_v2_scheduled_maintenances_upcoming_json"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/scheduled-maintenances/active.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Statuspage v2 format: scheduled-maintenances/active.json */
        get: operations["GET_api_v2_scheduled_maintenances_active_json"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/status/components": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status components with their probes, state and this month's and quarter's uptime against the target */
        get: operations["GET_api_v1_status_components"];
        put?: never;
        /** Add a status component and its probe (HTTP(S), TCP or none) */
        post: operations["POST_api_v1_status_components"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/status/components/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a status component and its probe */
        put: operations["PUT_api_v1_status_components__id_"];
        post?: never;
        /** Remove a status component (its samples go; the ledger keeps its history) */
        delete: operations["DELETE_api_v1_status_components__id_"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/status/components/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a component's status by hand, with the reason (its probe may change it again) */
        post: operations["POST_api_v1_status_components__id__status"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/status/components/{id}/uptime": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A component's daily uptime (?days=, default 90) and its month's and quarter's attainment */
        get: operations["GET_api_v1_status_components__id__uptime"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/status/maintenances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Scheduled maintenance, soonest first, with its status now */
        get: operations["GET_api_v1_status_maintenances"];
        put?: never;
        /** Schedule maintenance: its components show as under maintenance while it runs */
        post: operations["POST_api_v1_status_maintenances"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/parties/{id}/status-feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the vendor's public status feed (Statuspage v2) and the components we depend on; the server polls it */
        put: operations["PUT_api_v1_parties__id__status_feed"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/parties/{id}/sla": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The vendor's SLA attainment per month and quarter, its incidents and daily uptime */
        get: operations["GET_api_v1_parties__id__sla"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/parties/{id}/sla-measurements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record SLA measurements (uptime, response and resolution times) for the vendor; a missed term opens a finding */
        post: operations["POST_api_v1_parties__id__sla_measurements"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vendor-incidents/{id}/assess": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assess a vendor's incident: its impact on us (none, degraded, PHI involved) and a note; may open a finding */
        post: operations["POST_api_v1_vendor_incidents__id__assess"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/vendor-sla": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The quarterly vendor SLA review (TP-13, TP-14): per party with an SLA, attainment against its terms, breaches with their findings and vendor incidents; CSV with Accept: text/csv or ?format=csv */
        get: operations["GET_api_v1_reports_vendor_sla"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Imported scans, newest first */
        get: operations["GET_api_v1_scans"];
        put?: never;
        /** Import a scanner's report (raw body, up to 256 MiB, read as it streams): SARIF 2.1.0, Trivy JSON or CycloneDX VEX. Its results become findings (source scan), de-duplicated with the target's earlier scans; only what changed is recorded */
        post: operations["POST_api_v1_scans"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One scan: its counts, its VEX statements and its target's findings */
        get: operations["GET_api_v1_scans__id_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scan-targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the scans scanned: each target's system, last scan, when the next is due and its open findings */
        get: operations["GET_api_v1_scan_targets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scan-targets/{id}/system": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Say which of our systems a scanned target belongs to */
        post: operations["POST_api_v1_scan_targets__id__system"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/controls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The control catalog (every HIPAA Security Rule standard and specification, Accord's own controls), each with its status computed from live data and what implements it */
        get: operations["GET_api_v1_compliance_controls"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/controls/{control_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One control: its status, the inheritance defaults and the evidence of each rule or workflow that implements it (objects and ledger entries), failing first */
        get: operations["GET_api_v1_compliance_controls__control_id_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/matrix": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The inheritance matrix: per HIPAA specification what a customer inherits from us (yes, partially, no; its BAA may override), its own responsibility, our status and what our hosts provide */
        get: operations["GET_api_v1_compliance_matrix"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/matrix.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The inheritance matrix as CSV, one row per specification */
        get: operations["GET_api_v1_compliance_matrix_csv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/matrix.html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The inheritance matrix as a standalone HTML page */
        get: operations["GET_api_v1_compliance_matrix_html"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/oscal/ssp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Our System Security Plan in OSCAL JSON: per HIPAA specification its status and a by-component export of what a customer inherits (provided) and what stays with it (responsibilities) */
        get: operations["GET_api_v1_compliance_oscal_ssp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/oscal/component-definition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accord's capabilities as an OSCAL component definition: the HIPAA specifications the profile's mapping implements */
        get: operations["GET_api_v1_compliance_oscal_component_definition"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/oscal/catalog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The control catalog as an OSCAL catalog: every HIPAA Security Rule standard with its specifications, and Accord's own controls, with the default inheritance */
        get: operations["GET_api_v1_compliance_oscal_catalog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/answer-library": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Our own answers to customers' security questions, with evidence */
        get: operations["GET_api_v1_answer_library"];
        put?: never;
        /** Write a new answer (a draft until approved) */
        post: operations["POST_api_v1_answer_library"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/answer-library/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One answer with every version */
        get: operations["GET_api_v1_answer_library__id_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/answer-library/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** revise (a new version, a draft again) | approve | retire */
        post: operations["POST_api_v1_answer_library__id__actions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/answer-library/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach a file as the answer's evidence (raw body, checked like every document upload): a new version, a draft until approved again */
        post: operations["POST_api_v1_answer_library__id__evidence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customer-questionnaires": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Customers' questionnaires we answer, newest first (a customer's contact: its own shared ones) */
        get: operations["GET_api_v1_customer_questionnaires"];
        put?: never;
        /** Import a customer's questionnaire (text/csv, its own layout): each question gets the library's three best answers and their scores */
        post: operations["POST_api_v1_customer_questionnaires"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customer-questionnaires/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One questionnaire with its rows, suggestions and answers */
        get: operations["GET_api_v1_customer_questionnaires__id_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customer-questionnaires/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** answer (confirm or edit rows' answers) | complete | reopen | share (needs the customer's NDA in force) | unshare */
        post: operations["POST_api_v1_customer_questionnaires__id__actions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customer-questionnaires/{id}/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The questionnaire in the customer's layout with the answers filled */
        get: operations["GET_api_v1_customer_questionnaires__id__export_csv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customer-questionnaires/{id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Download the answered questionnaire, the download recorded (a customer's contact: its own shared one, with an NDA in force) */
        post: operations["POST_api_v1_customer_questionnaires__id__download"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incidents, newest first; a party's contact sees those its party is involved in, public updates only */
        get: operations["GET_api_v1_incidents"];
        put?: never;
        /** Declare an incident (TR-8): title, severity, the status components and systems it touches, the parties involved, when it was discovered */
        post: operations["POST_api_v1_incidents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One incident with its timeline and postmortem */
        get: operations["GET_api_v1_incidents__id_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/classify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Classify an incident: severity, public impact, category */
        post: operations["POST_api_v1_incidents__id__classify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Post a timeline update, internal or public (public ones reach the status page), optionally moving the incident to identified or monitoring */
        post: operations["POST_api_v1_incidents__id__updates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve an incident with a closing update */
        post: operations["POST_api_v1_incidents__id__resolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/postmortem": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a resolved incident's postmortem: root cause, lessons, and action items, each opened as a finding with its owner and due date */
        post: operations["POST_api_v1_incidents__id__postmortem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incident-response-tests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The annual incident-response tests, newest first, and when the next is due */
        get: operations["GET_api_v1_incident_response_tests"];
        put?: never;
        /** Record an incident-response test: when, the scenario, who took part, the outcome */
        post: operations["POST_api_v1_incident_response_tests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/questionnaire-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Due-diligence questionnaire templates (TP-2) */
        get: operations["GET_api_v1_questionnaire_templates"];
        put?: never;
        /** Create a questionnaire template: sections of questions with answer types, conditions, HIPAA citations, rules and scoring */
        post: operations["POST_api_v1_questionnaire_templates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/questionnaire-templates/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a template from CSV (text/csv, one row per question; columns in docs/questionnaires.md); a malformed file is refused naming its row */
        post: operations["POST_api_v1_questionnaire_templates_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/questionnaire-templates/hipaa-vendor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Install the shipped HIPAA vendor security questionnaire */
        post: operations["POST_api_v1_questionnaire_templates_hipaa_vendor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/questionnaire-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One template, its current version (?as_of is the registry's) */
        get: operations["GET_api_v1_questionnaire_templates__id_"];
        /** Revise a template: a new version; questionnaires already sent keep theirs */
        put: operations["PUT_api_v1_questionnaire_templates__id_"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/questionnaire-templates/{id}/csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A template as CSV (the import's columns) */
        get: operations["GET_api_v1_questionnaire_templates__id__csv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/parties/{party_id}/questionnaires": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a questionnaire to a contact of the party with a due date (emailed; reminded and marked overdue by the scheduler) */
        post: operations["POST_api_v1_parties__party_id__questionnaires"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/questionnaires": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Questionnaires, newest first, without their questions; a party's contact sees its own party's */
        get: operations["GET_api_v1_questionnaires"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/questionnaires/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One questionnaire with its questions and answers; our scoring and review and last year's answers for the organisation only */
        get: operations["GET_api_v1_questionnaires__id_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/questionnaires/{id}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Save answers as a draft (merged by question) and replies to follow-up questions: the party's contacts */
        put: operations["PUT_api_v1_questionnaires__id__answers"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/questionnaires/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** submit (the party) | review | ask | accept | reject | apply_tier (our reviewer); accept and reject record the party's due diligence */
        post: operations["POST_api_v1_questionnaires__id__actions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/breach/covered-entities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The covered entities we serve: customers who signed a BAA (in force, or since expired or terminated), each with the notice term its BAA sets (TR-8) */
        get: operations["GET_api_v1_breach_covered_entities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/breach/notices-due": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Breach notices still owed to covered entities, soonest deadline first */
        get: operations["GET_api_v1_breach_notices_due"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/breach-assessment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incident's breach assessment and its notices, with deadlines */
        get: operations["GET_api_v1_incidents__id__breach_assessment"];
        put?: never;
        /** Assess the incident (the four factors of 164.402); a breach opens one notice per affected covered entity with its deadline (164.410(b), or the BAA's shorter term) */
        post: operations["POST_api_v1_incidents__id__breach_assessment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/breach-assessments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A breach assessment and its notices */
        get: operations["GET_api_v1_breach_assessments__id_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/breach-assessments/{id}/law-enforcement-delay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a law enforcement official's statement with its document (164.412): every notice still due is extended by the period */
        post: operations["POST_api_v1_breach_assessments__id__law_enforcement_delay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/breach-notices/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** send (email the notice) | record_sent | link_list (the Secure Message with the list of individuals, never email) */
        post: operations["POST_api_v1_breach_notices__id__actions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/colleagues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your party's active contact accounts: whom a questionnaire's section can be assigned to */
        get: operations["GET_api_v1_colleagues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/questionnaires/{id}/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign a section to another contact account of your party (emailed), or take it back with user_id null */
        post: operations["POST_api_v1_questionnaires__id__assignments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Requests for a colleague's contact account, newest first; a party's contact sees its own party's */
        get: operations["GET_api_v1_account_requests"];
        put?: never;
        /** Ask for a colleague's contact account of your party (the Security Officer approves or declines); 409 when the email has one */
        post: operations["POST_api_v1_account_requests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One account request */
        get: operations["GET_api_v1_account_requests__id_"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account-requests/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** approve (creates the contact account; its one-time password is shown once) | decline (with a reason); the requester is emailed */
        post: operations["POST_api_v1_account_requests__id__actions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI 3.1 document */
        get: operations["GET_api_v1_openapi_json"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                code: string;
                message: string;
                details: {
                    field: string;
                    reason: string;
                    line?: number;
                }[];
            };
        };
        Actor: {
            id: string;
            role: string;
            name?: string | null;
            email?: string | null;
        };
        GateDecision: {
            /** @enum {string} */
            decision: "allow" | "deny" | "needs_approval";
            rules: {
                id: string;
                /** @enum {string} */
                outcome: "pass" | "deny" | "needs_approval" | "not_applicable";
                reason: string;
                remedy: string;
                seed_ref: string;
                citation: string;
                statement: string;
                evidence: {
                    kind: string;
                    ref: string;
                    state: string;
                }[];
            }[];
        };
        /** @description a party */
        Party: {
            /** @description unique, case-insensitive */
            name: string;
            /** @enum {string} */
            kind: "customer" | "partner" | "subcontractor" | "contracted_developer";
            legal_name?: string | null;
            /** @enum {string|null} */
            status?: "prospect" | "onboarding" | "active" | "offboarded" | null;
            /** @description who in our organisation owns the relationship; internal: not shown to the party's contacts */
            owner?: string | null;
            /**
             * @description internal: not shown to the party's contacts
             * @enum {string|null}
             */
            criticality?: "low" | "medium" | "high" | null;
            /** @description hosts or runs our infrastructure (SOC 2 yearly); internal: not shown to the party's contacts */
            infrastructure_partner?: boolean | null;
            /** @description listed on the public subprocessor page; refused while its agreements in force lack a data-use commitment we publish that applies to it, unless commitment_exceptions names it */
            public_subprocessor?: boolean | null;
            /** @description processes customer data with AI models: our commitments to AI providers apply */
            ai_provider?: boolean | null;
            /** @description published data-use commitments this party is not bound to, each with the officer's reason (TR-11); internal: not shown to the party's contacts */
            commitment_exceptions?: {
                /** @enum {string} */
                commitment: "no_sale_or_sharing" | "no_advertising_use" | "ai_zero_data_retention" | "no_model_training";
                reason: string;
            }[] | null;
            /** @description what it does for us, as published */
            purpose?: string | null;
            location?: string | null;
            region?: string | null;
            website?: string | null;
            /** @description HITRUST 05.i risk identification; internal: not shown to the party's contacts */
            data_categories?: ("ephi" | "pii" | "financial" | "credentials" | "confidential" | "public")[] | null;
            /**
             * @description internal: not shown to the party's contacts
             * @enum {string|null}
             */
            access_level?: "none" | "non_production" | "production" | null;
            /** @description internal: not shown to the party's contacts */
            risk_tier?: string | null;
            /** @description internal: not shown to the party's contacts */
            risk_tier_override?: {
                tier: string;
                computed: string;
                reason?: string | null;
                by?: {
                    id: string;
                    role: string;
                    name?: string | null;
                    /** Format: email */
                    email?: string | null;
                } | null;
                /** Format: date-time */
                at: string;
                questionnaire_id?: string | null;
            } | null;
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
            /** @description in the organisation's lists: its BAA and SLA, SOC 2 period and reviews */
            inventory?: {
                baa: {
                    /** @enum {string} */
                    state: "in_force" | "expired" | "terminated" | "unsigned" | "none";
                    /** Format: date-time */
                    expires_at: string | null;
                    agreement_id: string | null;
                };
                sla: {
                    /** @enum {string} */
                    state: "in_force" | "expired" | "terminated" | "unsigned" | "none";
                    /** Format: date-time */
                    expires_at: string | null;
                    agreement_id: string | null;
                };
                /** Format: date-time */
                soc2_period_end: string | null;
                /** Format: date-time */
                last_review_at: string | null;
                /** Format: date-time */
                next_review_at: string | null;
            };
        };
        /** @description a system */
        System: {
            name: string;
            /** @enum {string} */
            environment: "production" | "staging" | "development";
            contains_ephi: boolean;
            owner: string;
            /** @description changes to it are infrastructure changes (TP-8) */
            infrastructure?: boolean | null;
            description?: string | null;
            /** @description how a third party reaches the system (TP-5); plaintext is set by the server from the protocol */
            endpoints?: {
                /** @description unique within the system; grant lines name it */
                name: string;
                /** @description scheme://host[:port][/path] or host:port */
                url: string;
                /** @enum {string} */
                protocol: "https" | "wss" | "ssh" | "sftp" | "scp" | "ftps" | "ipsec" | "wireguard" | "openvpn" | "tls" | "postgres+tls" | "mysql+tls" | "mssql+tls" | "redis+tls" | "ldaps" | "smtps" | "imaps" | "amqps" | "mqtts" | "kafka+tls" | "http" | "ws" | "ftp" | "tftp" | "telnet" | "rsh" | "vnc" | "ldap" | "postgres" | "mysql" | "mssql" | "redis" | "smtp" | "imap" | "pop3" | "amqp" | "mqtt" | "kafka";
                description?: string | null;
                plaintext?: boolean | null;
            }[] | null;
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
        };
        /** @description a service */
        Service: {
            name: string;
            description?: string | null;
            /** @enum {string|null} */
            direction?: "provides" | "uses" | null;
            /** @description ids of our systems the service touches */
            systems?: string[] | null;
            data_categories?: ("ephi" | "pii" | "financial" | "credentials" | "confidential" | "public")[] | null;
            /** @description creates, receives, maintains or transmits ePHI */
            handles_ephi: boolean;
            /** @description its own account or tenant, e.g. an AWS account id */
            environment_boundary?: string | null;
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            party_id: string;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
        };
        /** @description a contact */
        Contact: {
            name: string;
            /** Format: email */
            email: string;
            phone?: string | null;
            /** @description e.g. security, account manager, incident contact */
            role?: string | null;
            primary?: boolean | null;
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            party_id: string;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
        };
        /** @description a agreement */
        Agreement: {
            /** @enum {string} */
            type: "baa" | "sla" | "nda" | "dev_contract" | "msa" | "dpa";
            title?: string | null;
            /** @enum {string|null} */
            status?: "draft" | "sent" | "executed" | "expired" | "terminated" | null;
            /** Format: date-time */
            effective_at?: string | null;
            /** Format: date-time */
            expires_at?: string | null;
            renewal_notice_days?: number | null;
            /** @description SLA reviews (TP-14): RFC 5545 RRULE such as FREQ=MONTHLY;INTERVAL=3; default from the profile's [reviews.schedule] */
            review_rrule?: string | null;
            /** @description who signed for the third party */
            signed_by?: string | null;
            /** @description data-use commitments (TR-11) */
            data_use?: {
                no_sale_or_sharing?: boolean | null;
                no_advertising_use?: boolean | null;
                ai_zero_data_retention?: boolean | null;
                no_model_training?: boolean | null;
                dpf_participation?: boolean | null;
            } | null;
            /** @description HIPAA 164.314(a)(2)(i) checklist */
            baa?: {
                /** @description 164.314(a)(2)(i)(A) */
                safeguards?: boolean | null;
                /** @description 164.314(a)(2)(i)(B) */
                subcontractor_flow_down?: boolean | null;
                /** @description 164.314(a)(2)(i)(C) */
                incident_reporting?: boolean | null;
                responsibilities?: string | null;
                /** @description hours after discovery within which we must notify this covered entity of a breach; the 60 days of 164.410(b) when absent */
                breach_notice_hours?: number | null;
                /** @description the customer's inheritance of catalog controls where this BAA departs from the default (docs/compliance.md) */
                inheritance?: {
                    control: string;
                    /** @enum {string} */
                    inherited: "yes" | "partially" | "no";
                    responsibility?: string | null;
                }[] | null;
            } | null;
            /** @description SLA sections required by the seeds and measurable terms */
            sla?: {
                liability?: boolean | null;
                service_definitions?: boolean | null;
                security_controls?: boolean | null;
                service_management?: boolean | null;
                uptime_percent?: number | null;
                response_hours?: number | null;
                resolution_hours?: number | null;
                breach_notice_hours?: number | null;
            } | null;
            /** @description a click-through NDA's acceptance (IN-4): name, email, organisation, time, IP address, user agent, SHA-256 of the text accepted */
            click_through?: Record<string, unknown> | null;
            /** @description the agreement's text as accepted (click-through NDAs) */
            document_id?: string | null;
            /** @description the agreement this one renews (POST /api/v1/agreements/{id}/renew) */
            renews?: string | null;
            /** @description the agreement that renews this one */
            renewed_by?: string | null;
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            party_id: string;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
            /** @description what the caller may do now: the portal offers only these */
            allowed_actions?: string[];
        };
        /** @description a due diligence */
        DueDiligence: {
            /** Format: date-time */
            date: string;
            reviewer: string;
            /** @enum {string} */
            result: "passed" | "conditional" | "failed";
            summary?: string | null;
            /** @description ids of uploaded documents */
            evidence?: string[] | null;
            /** Format: date-time */
            next_due_at?: string | null;
            /** @enum {string|null} */
            scope?: "security" | "privacy" | "financial" | "compliance" | "other" | null;
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            party_id: string;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
        };
        /** @description a control */
        Control: {
            /** Format: date-time */
            date: string;
            reviewer: string;
            /** @enum {string} */
            result: "passed" | "conditional" | "failed";
            summary?: string | null;
            /** @description ids of uploaded documents */
            evidence?: string[] | null;
            /** Format: date-time */
            next_due_at?: string | null;
            name: string;
            /** @enum {string} */
            type: "encryption_in_transit" | "access_control" | "soc2_report" | "penetration_test" | "infrastructure_permission" | "other";
            /** @description for infrastructure_permission: the system it covers */
            system_id?: string | null;
            /** Format: date-time */
            valid_until?: string | null;
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            party_id: string;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
        };
        /** @description a document */
        Document: {
            filename: string;
            content_type: string;
            size: number;
            sha256: string;
            agreement_id?: string | null;
            uploaded_by?: {
                id: string;
                role: string;
                name?: string | null;
                /** Format: email */
                email?: string | null;
            } | null;
            certification_id?: string | null;
            finding_id?: string | null;
            /** Format: date-time */
            effective_at?: string | null;
            breach_assessment_id?: string | null;
            library_answer_id?: string | null;
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            party_id: string;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
        };
        /** @description a grant */
        Grant: {
            contact_id?: string | null;
            lines: {
                system_id: string;
                system_name?: string | null;
                permission: string;
                environment?: string | null;
                justification?: string | null;
                contains_ephi?: boolean | null;
                endpoints?: string[] | null;
            }[];
            /** Format: date-time */
            start_at: string;
            /** Format: date-time */
            end_at: string;
            purpose?: string | null;
            status: string;
            decision_outcome: string;
            decision: components["schemas"]["GateDecision"];
            requested_by: {
                id: string;
                role: string;
                name?: string | null;
                /** Format: email */
                email?: string | null;
            };
            approved_by?: {
                id: string;
                role: string;
                name?: string | null;
                /** Format: email */
                email?: string | null;
            } | null;
            /** Format: date-time */
            approved_at?: string | null;
            approval_comment?: string | null;
            effective_status?: string | null;
            reason?: string | null;
            denied_by?: {
                id: string;
                role: string;
                name?: string | null;
                /** Format: email */
                email?: string | null;
            } | null;
            revoked_by?: {
                id: string;
                role: string;
                name?: string | null;
                /** Format: email */
                email?: string | null;
            } | null;
            /** Format: date-time */
            revoked_at?: string | null;
            self_approved?: boolean | null;
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            party_id: string;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
            /** @description the party's name */
            party_name?: string;
            /** @description what the caller may do now: the portal offers only these */
            allowed_actions?: string[];
            /** @description every version, oldest first (one object's read, not in lists) */
            history?: {
                action: string;
                status: string;
                /** Format: date-time */
                at: string;
                by: components["schemas"]["Actor"];
                comment?: string;
            }[];
        };
        /** @description a user */
        User: {
            /** Format: email */
            email: string;
            name?: string | null;
            role: string;
            party_id?: string | null;
            status: string;
            /** Format: date-time */
            expires_at?: string | null;
            /** Format: date-time */
            access_until?: string | null;
            mfa_enrolled?: boolean | null;
            attestations?: Record<string, unknown> | null;
            workforce?: boolean | null;
            forge_logins?: {
                github?: string | null;
                gitlab?: string | null;
            } | null;
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
            /** @description what the caller may do now: the portal offers only these */
            allowed_actions?: string[];
            /** @description every version, oldest first (one object's read, not in lists) */
            history?: {
                action: string;
                status: string;
                /** Format: date-time */
                at: string;
                by: components["schemas"]["Actor"];
                comment?: string;
            }[];
        };
        /** @description a entitlement review */
        EntitlementReview: {
            title: string;
            scope: string;
            status: string;
            /** Format: date-time */
            due_at: string;
            lines: {
                id?: string | null;
                decision?: string | null;
                decided_by?: {
                    id: string;
                    role: string;
                    name?: string | null;
                    /** Format: email */
                    email?: string | null;
                } | null;
                /** Format: date-time */
                decided_at?: string | null;
                comment?: string | null;
                /** @enum {string} */
                kind?: "user_role" | "break_glass" | "grant";
                line_id?: string;
                user_id?: string;
                email?: string;
                name?: string;
                role?: string;
                party_id?: string;
                party_name?: string;
                grant_id?: string;
                purpose?: string;
                summary?: string;
                reason?: string;
                session_id?: string;
                start_at?: string;
                end_at?: string;
                at?: string;
                until?: string;
                /** @description what the caller may decide on this line now */
                allowed_actions?: string[];
            }[];
            period?: number | null;
            /** Format: date-time */
            completed_at?: string | null;
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
        };
        /** @description a alert */
        Alert: {
            title: string;
            type: string;
            status: string;
            severity: string;
            subject?: Record<string, unknown> | null;
            detail?: Record<string, unknown> | null;
            acknowledged_by?: {
                id: string;
                role: string;
                name?: string | null;
                /** Format: email */
                email?: string | null;
            } | null;
            /** Format: date-time */
            acknowledged_at?: string | null;
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
        };
        /** @description a review */
        Review: {
            title: string;
            review_kind: string;
            status: string;
            party_id?: string | null;
            agreement_id?: string | null;
            change_notice_id?: string | null;
            /** Format: date-time */
            due_at: string;
            period?: string | null;
            period_label?: string | null;
            series_key?: string | null;
            opened_by: {
                id: string;
                role: string;
                name?: string | null;
                /** Format: email */
                email?: string | null;
            };
            assignee?: {
                id: string;
                role: string;
                name?: string | null;
                /** Format: email */
                email?: string | null;
            } | null;
            documentation?: {
                documented_by?: {
                    id: string;
                    role: string;
                    name?: string | null;
                    /** Format: email */
                    email?: string | null;
                } | null;
                /** Format: date-time */
                documented_at?: string | null;
                /** @description what was reviewed and the conclusion */
                summary?: string | null;
                /** @description SLA performance: uptime, response and resolution times */
                sla_performance?: string | null;
                /** @description security: incidents, security events, audit trails */
                security_performance?: string | null;
                /** @description compliance: certifications, SOC 2, BAA obligations */
                compliance_performance?: string | null;
                /** @description operational issues, failures and disruptions (TP-14) */
                operational_issues?: string | null;
                /** @description what the change affects (systems, data, services) */
                impact?: string | null;
                /** @description how the change is undone if it fails (TR-5) */
                backout_plan?: string | null;
                /**
                 * @description risk assessment outcome
                 * @enum {string|null}
                 */
                risk_level?: "low" | "medium" | "high" | "critical" | null;
                /** @description the partner/subcontractor list is complete (TP-10) */
                list_confirmed?: boolean | null;
                /** @description contact information is up to date (TP-10) */
                contacts_confirmed?: boolean | null;
                /** @description SOC 2 reports reviewed (TP-11) */
                soc2_report_ids?: string[] | null;
                /** @description ids of uploaded documents */
                evidence?: string[] | null;
            } | null;
            rejections?: {
                by: {
                    id: string;
                    role: string;
                    name?: string | null;
                    /** Format: email */
                    email?: string | null;
                };
                /** Format: date-time */
                at: string;
                comment: string;
            }[] | null;
            party_requests?: {
                by: {
                    id: string;
                    role: string;
                    name?: string | null;
                    /** Format: email */
                    email?: string | null;
                };
                /** Format: date-time */
                at: string;
                message: string;
            }[] | null;
            party_responses?: {
                by: {
                    id: string;
                    role: string;
                    name?: string | null;
                    /** Format: email */
                    email?: string | null;
                };
                /** Format: date-time */
                at: string;
                message: string;
                documents?: string[] | null;
            }[] | null;
            awaiting_party?: boolean | null;
            approved_by?: {
                id: string;
                role: string;
                name?: string | null;
                /** Format: email */
                email?: string | null;
            } | null;
            /** Format: date-time */
            approved_at?: string | null;
            on_time?: boolean | null;
            overdue?: boolean | null;
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
            /** @description the party's name */
            party_name?: string;
            /** @description what the caller may do now: the portal offers only these */
            allowed_actions?: string[];
            /** @description every version, oldest first (one object's read, not in lists) */
            history?: {
                action: string;
                status: string;
                /** Format: date-time */
                at: string;
                by: components["schemas"]["Actor"];
                comment?: string;
            }[];
            /** @description what the review is about, as it stands now (one review's read; not with as_of): its party's agreements, SOC 2 reports and open findings, the change notice, the partner list with what changed since the last approved list review, the documents it names, and why the caller cannot approve it */
            context?: {
                party: {
                    id: string;
                    name: string;
                    kind: string;
                    status?: string;
                } | null;
                agreements: components["schemas"]["Agreement"][];
                soc2_reports: {
                    id: string;
                    type: string;
                    /** Format: date-time */
                    period_end: string;
                    auditor: string;
                    opinion: string;
                    status: string;
                    /** Format: date-time */
                    period_start?: string;
                    /** Format: date-time */
                    reviewed_at?: string;
                }[];
                open_findings: {
                    id: string;
                    title: string;
                    severity: string;
                    status: string;
                    /** Format: date-time */
                    due_at?: string;
                }[];
                change_notice: {
                    id: string;
                    title: string;
                    status: string;
                    description?: string;
                    /** Format: date-time */
                    planned_at?: string;
                    new_data_location?: string;
                    new_subprocessor?: boolean;
                    substantial?: boolean;
                    substantial_reasons?: string[];
                    risk_assessment_id?: string;
                    change_review_id?: string;
                } | null;
                partner_list: {
                    parties: {
                        id: string;
                        name: string;
                        kind: string;
                        services: string[];
                        contacts: string[];
                        /** @enum {string} */
                        change: "added" | "changed" | "unchanged";
                        changes: ("services" | "contacts" | "details")[];
                        status?: string;
                    }[];
                    removed: {
                        id: string;
                        name: string;
                        kind?: string;
                        status?: string;
                    }[];
                    more: number;
                    /** Format: date-time */
                    since: string | null;
                    since_review_id: string | null;
                } | null;
                documents: {
                    id: string;
                    filename: string;
                    content_type?: string;
                    size?: number;
                }[];
                approval: {
                    blocked: boolean;
                    reasons: {
                        text: string;
                        href?: string;
                        link_text?: string;
                    }[];
                } | null;
            };
        };
        /** @description a soc2 report */
        Soc2Report: {
            /** @enum {string} */
            type: "type1" | "type2";
            /** Format: date-time */
            period_start?: string | null;
            /** Format: date-time */
            period_end: string;
            /** @description the audit firm */
            auditor: string;
            /** @enum {string} */
            opinion: "unqualified" | "qualified" | "adverse" | "disclaimer";
            /** Format: date-time */
            issued_at?: string | null;
            /**
             * Format: date-time
             * @description when we reviewed it; absent while the report awaits review
             */
            reviewed_at?: string | null;
            /** @description exceptions the auditor noted; each becomes a finding; internal: not shown to the party's contacts */
            exceptions?: {
                control: string;
                description?: string | null;
                /** @enum {string|null} */
                severity?: "critical" | "high" | "medium" | "low" | null;
            }[] | null;
            /** @description complementary user entity controls, each with our owner; internal: not shown to the party's contacts */
            user_entity_controls?: {
                control: string;
                owner_id: string;
                in_place?: boolean | null;
                /** @description the HIPAA specification it serves, e.g. 164.308(a)(1)(ii)(A) */
                hipaa_citation?: string | null;
            }[] | null;
            /** @description covers the gap between the period's end and now */
            bridge_letter?: {
                /** Format: date-time */
                covered_until: string;
                document_id?: string | null;
            } | null;
            /** @description the uploaded report */
            document_id?: string | null;
            /** @description internal: not shown to the party's contacts */
            summary?: string | null;
            status: string;
            submitted_by?: {
                id: string;
                role: string;
                name?: string | null;
                /** Format: email */
                email?: string | null;
            } | null;
            /** @description internal: not shown to the party's contacts */
            reviewed_by?: {
                id: string;
                role: string;
                name?: string | null;
                /** Format: email */
                email?: string | null;
            } | null;
            /** @description internal: not shown to the party's contacts */
            finding_ids?: string[] | null;
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            party_id: string;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
            /** @description the party's name */
            party_name?: string;
            /** @description what the caller may do now: the portal offers only these */
            allowed_actions?: string[];
            /** @description every version, oldest first (one object's read, not in lists) */
            history?: {
                action: string;
                status: string;
                /** Format: date-time */
                at: string;
                by: components["schemas"]["Actor"];
                comment?: string;
            }[];
        };
        /** @description a change notice */
        ChangeNotice: {
            party_id: string;
            title: string;
            description?: string | null;
            service_ids?: string[] | null;
            /** @description internal: not shown to the party's contacts */
            system_ids?: string[] | null;
            /** Format: date-time */
            planned_at?: string | null;
            /** @description internal: not shown to the party's contacts */
            substantial?: boolean | null;
            /** @description internal: not shown to the party's contacts */
            substantial_reasons?: string[] | null;
            new_subprocessor?: boolean | null;
            new_data_location?: string | null;
            status: string;
            /** @description internal: not shown to the party's contacts */
            change_review_id?: string | null;
            /** @description internal: not shown to the party's contacts */
            risk_assessment_id?: string | null;
            /** Format: date-time */
            implemented_at?: string | null;
            /** @description internal: not shown to the party's contacts */
            finding_id?: string | null;
            /** @description internal: not shown to the party's contacts */
            substantial_tag?: string | null;
            /** @description internal: not shown to the party's contacts */
            change_request_id?: string | null;
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
            /** @description the party's name */
            party_name?: string;
            /** @description what the caller may do now: the portal offers only these */
            allowed_actions?: string[];
            /** @description every version, oldest first (one object's read, not in lists) */
            history?: {
                action: string;
                status: string;
                /** Format: date-time */
                at: string;
                by: components["schemas"]["Actor"];
                comment?: string;
            }[];
        };
        /** @description a finding */
        Finding: {
            title: string;
            description?: string | null;
            severity: string;
            status: string;
            party_id?: string | null;
            source?: {
                kind?: string | null;
                id?: string | null;
            } | null;
            rule?: string | null;
            owner?: {
                id: string;
                role: string;
                name?: string | null;
                /** Format: email */
                email?: string | null;
            } | null;
            /** Format: date-time */
            due_at?: string | null;
            overdue?: boolean | null;
            resolution?: {
                by?: {
                    id: string;
                    role: string;
                    name?: string | null;
                    /** Format: email */
                    email?: string | null;
                } | null;
                /** Format: date-time */
                at?: string | null;
            } | null;
            risk_acceptance?: {
                requested_by?: {
                    id: string;
                    role: string;
                    name?: string | null;
                    /** Format: email */
                    email?: string | null;
                } | null;
                /** Format: date-time */
                requested_at?: string | null;
                /** Format: date-time */
                expires_at?: string | null;
                reason?: string | null;
                approved_by?: {
                    id: string;
                    role: string;
                    name?: string | null;
                    /** Format: email */
                    email?: string | null;
                } | null;
                /** Format: date-time */
                approved_at?: string | null;
            } | null;
            opened_by: {
                id: string;
                role: string;
                name?: string | null;
                /** Format: email */
                email?: string | null;
            };
            scan?: {
                target_id?: string | null;
                target?: string | null;
                tool?: string | null;
                kind?: string | null;
                rule?: string | null;
                package?: string | null;
                installed_version?: string | null;
                fixed_version?: string | null;
                location?: string | null;
            } | null;
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
            /** @description the party's name */
            party_name?: string;
            /** @description what the caller may do now: the portal offers only these */
            allowed_actions?: string[];
            /** @description every version, oldest first (one object's read, not in lists) */
            history?: {
                action: string;
                status: string;
                /** Format: date-time */
                at: string;
                by: components["schemas"]["Actor"];
                comment?: string;
            }[];
        };
        /** @description a certification */
        Certification: {
            /** @description as the trust page shows it, e.g. SOC 2 Type II */
            name: string;
            /** @enum {string} */
            framework: "iso27001_2022" | "soc2_type1" | "soc2_type2" | "hitrust_r2" | "hitrust_i1" | "dpf" | "hipaa" | "pci_dss" | "other";
            /** @description the auditor or certification body */
            issuer: string;
            scope?: string | null;
            /** Format: date-time */
            valid_from: string;
            /** Format: date-time */
            valid_until: string;
            /** @description shown on the public trust page while valid (default true) */
            public?: boolean | null;
            /** @description the certificate or report (never public by itself) */
            document_id?: string | null;
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
        };
        /** @description a report request */
        ReportRequest: {
            requester: {
                name: string;
                /** Format: email */
                email: string;
            };
            organisation: string;
            report_type: string;
            questionnaire_id?: string | null;
            /** Format: date-time */
            needed_by?: string | null;
            message?: string | null;
            source: string;
            party_id?: string | null;
            link?: {
                how?: string | null;
                note?: string | null;
            } | null;
            status: string;
            nda?: {
                agreement_id?: string | null;
                /** Format: date-time */
                sent_at?: string | null;
                /** Format: date-time */
                accepted_at?: string | null;
                /** Format: date-time */
                link_expires_at?: string | null;
            } | null;
            decision?: Record<string, unknown> | null;
            delivery?: Record<string, unknown> | null;
            history: {
                action: string;
                status: string;
                /** Format: date-time */
                at: string;
                by: {
                    id: string;
                    role: string;
                    name?: string | null;
                    /** Format: email */
                    email?: string | null;
                };
                comment?: string | null;
            }[];
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
            /** @description the party's name */
            party_name?: string;
            /** @description what the caller may do now: the portal offers only these */
            allowed_actions?: string[];
        };
        /** @description a connection */
        Connection: {
            grant_id: string;
            system_id: string;
            system_name?: string | null;
            endpoint: string;
            url?: string | null;
            protocol: string;
            tls_version?: string | null;
            cipher?: string | null;
            /** Format: date-time */
            connected_at: string;
            source_address: string;
            weakness: string;
            /** @description internal: not shown to the party's contacts */
            finding_id?: string | null;
            recorded_by: {
                id: string;
                role: string;
                name?: string | null;
                /** Format: email */
                email?: string | null;
            };
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            party_id: string;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
        };
        /** @description a data commitment */
        DataCommitment: {
            /** @description as the trust page shows it, e.g. We never sell customer data */
            statement: string;
            /** @enum {string} */
            key: "no_sale_or_sharing" | "no_advertising_use" | "ai_zero_data_retention" | "no_model_training" | "other";
            /**
             * @description organisation: our own promise only; all_subprocessors or ai_providers: those subprocessors' agreements must make it too (data_use)
             * @enum {string}
             */
            applies_to: "organisation" | "all_subprocessors" | "ai_providers";
            /** Format: date-time */
            since: string;
            /**
             * @description what backs it: a document, one of our certifications, or a clause of our agreements
             * @enum {string|null}
             */
            evidence_kind?: "document" | "certification" | "agreement_clause" | null;
            /** @description the document, certification or agreement (with evidence_kind) */
            evidence_id?: string | null;
            /** @description published with it, e.g. DPA section 7.2 */
            evidence_note?: string | null;
            /** @description shown on the public trust page (default true) */
            public?: boolean | null;
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
        };
        /** @description a dpf participation */
        DpfParticipation: {
            /** @description EU-U.S. DPF, the UK Extension to it, the Swiss-U.S. DPF */
            frameworks: ("eu_us" | "uk_extension" | "swiss_us")[];
            /** @enum {string} */
            status: "active" | "inactive" | "withdrawn";
            /** Format: date-time */
            last_recertified_at: string;
            /** @description the public listing on the DPF website (https) */
            listing_url?: string | null;
            /** @description shown on the public trust page (default true) */
            public?: boolean | null;
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
        };
        /** @description a change request */
        ChangeRequest: {
            title: string;
            description: string;
            system_ids: string[];
            risk: string;
            backout_plan: string;
            emergency: boolean;
            emergency_reason?: string | null;
            status: string;
            author: {
                id: string;
                role: string;
                name?: string | null;
                /** Format: email */
                email?: string | null;
            };
            test_evidence: {
                environment?: string | null;
                system_id?: string | null;
                summary?: string | null;
                document_ids?: string[] | null;
                by?: {
                    id: string;
                    role: string;
                    name?: string | null;
                    /** Format: email */
                    email?: string | null;
                } | null;
                /** Format: date-time */
                at?: string | null;
            }[];
            review?: {
                by?: {
                    id: string;
                    role: string;
                    name?: string | null;
                    /** Format: email */
                    email?: string | null;
                } | null;
                /** Format: date-time */
                at?: string | null;
                comment?: string | null;
                source?: string | null;
                pull_request_url?: string | null;
            } | null;
            approval?: {
                by?: {
                    id: string;
                    role: string;
                    name?: string | null;
                    /** Format: email */
                    email?: string | null;
                } | null;
                /** Format: date-time */
                at?: string | null;
                comment?: string | null;
            } | null;
            release?: {
                by?: {
                    id: string;
                    role: string;
                    name?: string | null;
                    /** Format: email */
                    email?: string | null;
                } | null;
                /** Format: date-time */
                at?: string | null;
                comment?: string | null;
                reference?: string | null;
            } | null;
            post_implementation_check?: {
                by?: {
                    id: string;
                    role: string;
                    name?: string | null;
                    /** Format: email */
                    email?: string | null;
                } | null;
                /** Format: date-time */
                at?: string | null;
                comment?: string | null;
                outcome?: string | null;
            } | null;
            rejection?: {
                by?: {
                    id: string;
                    role: string;
                    name?: string | null;
                    /** Format: email */
                    email?: string | null;
                } | null;
                /** Format: date-time */
                at?: string | null;
                comment?: string | null;
            } | null;
            /** Format: date-time */
            retrospective_due_at?: string | null;
            retrospective_overdue?: boolean | null;
            retrospective_finding_id?: string | null;
            separation_relaxed: {
                action: string;
                duties: string[];
                by?: {
                    id: string;
                    role: string;
                    name?: string | null;
                    /** Format: email */
                    email?: string | null;
                } | null;
            }[];
            pull_requests: {
                forge: string;
                number: number;
                url?: string | null;
                title?: string | null;
                /** Format: date-time */
                merged_at?: string | null;
                merged_by_login?: string | null;
                reviews?: {
                    login: string;
                    state: string;
                    account_id?: string | null;
                    /** Format: date-time */
                    at?: string | null;
                    counted?: boolean | null;
                    not_counted_because?: string | null;
                }[] | null;
            }[];
            change_notice_id?: string | null;
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
            /** @description what the caller may do now: the portal offers only these */
            allowed_actions?: string[];
            /** @description every version, oldest first (one object's read, not in lists) */
            history?: {
                action: string;
                status: string;
                /** Format: date-time */
                at: string;
                by: components["schemas"]["Actor"];
                comment?: string;
            }[];
        };
        /** @description a vendor incident */
        VendorIncident: {
            name: string;
            incident_id: string;
            vendor_impact: string;
            vendor_status: string;
            /** Format: date-time */
            started_at?: string | null;
            /** Format: date-time */
            resolved_at?: string | null;
            component_ids: string[];
            status: string;
            impact?: string | null;
            assessment?: {
                impact: string;
                note?: string | null;
                by: {
                    id: string;
                    role: string;
                    name?: string | null;
                    /** Format: email */
                    email?: string | null;
                };
                /** Format: date-time */
                at: string;
                finding_id?: string | null;
            } | null;
            finding_id?: string | null;
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            party_id: string;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
            /** @description the party's name */
            party_name?: string;
            /** @description what the caller may do now: the portal offers only these */
            allowed_actions?: string[];
            /** @description every version, oldest first (one object's read, not in lists) */
            history?: {
                action: string;
                status: string;
                /** Format: date-time */
                at: string;
                by: components["schemas"]["Actor"];
                comment?: string;
            }[];
        };
        /** @description a questionnaire template */
        QuestionnaireTemplate: {
            name: string;
            description?: string | null;
            sections: {
                title: string;
                questions: {
                    /** @description unique in the template: letters, digits, - _ . */
                    id: string;
                    text: string;
                    /** @enum {string} */
                    type: "yes_no" | "choice" | "text" | "date" | "file";
                    choices?: string[] | null;
                    required?: boolean | null;
                    help?: string | null;
                    /** @description asked only when an earlier question has this answer */
                    show_if?: {
                        question: string;
                        equals: string;
                    } | null;
                    /** @description HIPAA citations such as 164.312(a)(2)(iv) */
                    citations?: string[] | null;
                    /** @description the profile's rules it evidences, such as TP-2 */
                    rules?: string[] | null;
                    /** @description scoring weight (default 1; 0 = not scored) */
                    weight?: number | null;
                    /** @description answers that fail the questionnaire on their own */
                    knockout?: string[] | null;
                }[];
            }[];
            assignments?: {
                section: number;
                section_title: string;
                user_id: string;
                user_name?: string | null;
                /** Format: email */
                user_email?: string | null;
                assigned_by: {
                    id: string;
                    role: string;
                    name?: string | null;
                    /** Format: email */
                    email?: string | null;
                };
                /** Format: date-time */
                assigned_at: string;
            }[] | null;
            question_count?: number | null;
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
        };
        /** @description a questionnaire */
        Questionnaire: {
            title: string;
            template_id: string;
            template_version: number;
            contact_id: string;
            contact?: {
                name: string;
                /** Format: email */
                email?: string | null;
            } | null;
            /** Format: date-time */
            due_at: string;
            status: string;
            overdue?: boolean | null;
            sections: Record<string, unknown>[];
            answers: Record<string, unknown>[];
            answers_version: number;
            /** Format: date-time */
            submitted_at?: string | null;
            answers_sha256?: string | null;
            follow_ups?: {
                question: string;
                text: string;
                reply?: string | null;
                /** Format: date-time */
                asked_at?: string | null;
                /** Format: date-time */
                replied_at?: string | null;
            }[] | null;
            previous_id?: string | null;
            /** Format: date-time */
            decided_at?: string | null;
            decided_by?: {
                id: string;
                role: string;
                name?: string | null;
                /** Format: email */
                email?: string | null;
            } | null;
            /** Format: date-time */
            next_due_at?: string | null;
            renewed_by?: string | null;
            /** @description internal: not shown to the party's contacts */
            scoring?: {
                question: string;
                weight: number;
                knockout: string[];
            }[] | null;
            /** @description internal: not shown to the party's contacts */
            reviews?: {
                question: string;
                verdict: string;
                note?: string | null;
            }[] | null;
            /** @description internal: not shown to the party's contacts */
            score?: {
                score: number;
                earned: number;
                possible: number;
                knockouts: string[];
                suggested_tier: string;
            } | null;
            /** @description internal: not shown to the party's contacts */
            changed_since_previous?: string[] | null;
            /** @description internal: not shown to the party's contacts */
            decision_note?: string | null;
            /** @description internal: not shown to the party's contacts */
            due_diligence_id?: string | null;
            /** @description internal: not shown to the party's contacts */
            finding_ids?: string[] | null;
            /** @description internal: not shown to the party's contacts */
            tier_override?: {
                tier: string;
                computed: string;
                reason?: string | null;
                by?: {
                    id: string;
                    role: string;
                    name?: string | null;
                    /** Format: email */
                    email?: string | null;
                } | null;
                /** Format: date-time */
                at: string;
            } | null;
            /** @description internal: not shown to the party's contacts */
            previous_answers?: {
                question: string;
                value?: string | null;
                document_ids?: string[] | null;
                note?: string | null;
            }[] | null;
            assignments?: {
                section: number;
                section_title: string;
                user_id: string;
                user_name?: string | null;
                /** Format: email */
                user_email?: string | null;
                assigned_by: {
                    id: string;
                    role: string;
                    name?: string | null;
                    /** Format: email */
                    email?: string | null;
                };
                /** Format: date-time */
                assigned_at: string;
            }[] | null;
            question_count?: number | null;
            answer_count?: number | null;
            allowed_actions?: string[] | null;
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            party_id: string;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
        };
        /** @description a breach assessment */
        BreachAssessment: {
            incident_id: string;
            status: string;
            /** Format: date-time */
            discovered_at: string;
            /** Format: date-time */
            occurred_at?: string | null;
            factors: {
                nature_and_extent: {
                    risk: string;
                    notes?: string | null;
                };
                unauthorized_person: {
                    risk: string;
                    notes?: string | null;
                };
                acquired_or_viewed: {
                    risk: string;
                    notes?: string | null;
                };
                mitigation: {
                    risk: string;
                    notes?: string | null;
                };
            };
            exclusion: string;
            phi_secured: boolean;
            conclusion: {
                breach: boolean;
                basis: string;
                citation: string;
            };
            what_happened: string;
            phi_types: string;
            individual_steps?: string | null;
            our_response?: string | null;
            contact?: string | null;
            individuals: number;
            law_enforcement_delay?: {
                written: boolean;
                /** Format: date-time */
                stated_at: string;
                days: number;
                official: string;
                document_id: string;
                /** Format: date-time */
                ends_at: string;
                recorded_by?: {
                    id: string;
                    role: string;
                    name?: string | null;
                    /** Format: email */
                    email?: string | null;
                } | null;
            } | null;
            notice_ids: string[];
            assessed_by: {
                id: string;
                role: string;
                name?: string | null;
                /** Format: email */
                email?: string | null;
            };
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
            /** @description what the caller may do now: the portal offers only these */
            allowed_actions?: string[];
        };
        /** @description a breach notice */
        BreachNotice: {
            assessment_id: string;
            incident_id: string;
            agreement_id?: string | null;
            status: string;
            /** Format: date-time */
            discovered_at: string;
            /** Format: date-time */
            deadline_at: string;
            deadline_basis: string;
            baa_notice_hours?: number | null;
            overdue?: boolean | null;
            notice: {
                subject: string;
                body: string;
            };
            sent?: {
                /** Format: date-time */
                at: string;
                method?: string | null;
                recipient?: string | null;
                note?: string | null;
                by?: {
                    id: string;
                    role: string;
                    name?: string | null;
                    /** Format: email */
                    email?: string | null;
                } | null;
            } | null;
            list_secure_message_id?: string | null;
            /** Format: date-time */
            escalated_at?: string | null;
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            party_id: string;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
            /** @description the party's name */
            party_name?: string;
            /** @description what the caller may do now: the portal offers only these */
            allowed_actions?: string[];
        };
        /** @description a account request */
        AccountRequest: {
            name: string;
            /** Format: email */
            email: string;
            reason: string;
            status: string;
            requested_by: {
                id: string;
                role: string;
                name?: string | null;
                /** Format: email */
                email?: string | null;
            };
            decided_by?: {
                id: string;
                role: string;
                name?: string | null;
                /** Format: email */
                email?: string | null;
            } | null;
            /** Format: date-time */
            decided_at?: string | null;
            decline_reason?: string | null;
            user_id?: string | null;
            allowed_actions?: string[] | null;
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            party_id: string;
            /** @description the ledger entry that wrote this version */
            ledger_index: number;
        };
        Incident: {
            /** @description inc_… */
            id: string;
            title: string;
            /** @description empty for a party's contact */
            description: string;
            /** @enum {string} */
            severity: "critical" | "high" | "medium" | "low";
            /** @enum {string} */
            impact: "none" | "minor" | "major" | "critical";
            /** @enum {string|null} */
            category: "security" | "privacy" | "availability" | "integrity" | "other" | null;
            /** @enum {string} */
            status: "investigating" | "identified" | "monitoring" | "resolved" | "postmortem";
            components: {
                id: string;
                name: string;
            }[];
            systems: {
                id: string;
                name: string;
            }[];
            parties: {
                id: string;
                name: string;
            }[];
            /** Format: date-time */
            discovered_at: string;
            /** Format: date-time */
            declared_at: string;
            declared_by: components["schemas"]["Actor"] | null;
            /** Format: date-time */
            classified_at: string | null;
            /** @description RFC 3339, or empty while open */
            resolved_at: string;
            updates: {
                id: string;
                /** @enum {string} */
                status: "investigating" | "identified" | "monitoring" | "resolved";
                /** @enum {string} */
                visibility: "internal" | "public";
                body: string;
                /** Format: date-time */
                created_at: string;
                author?: components["schemas"]["Actor"];
            }[];
            postmortem: {
                root_cause: string;
                lessons: string;
                action_items: {
                    title: string;
                    owner_id: string;
                    /** Format: date-time */
                    due_at: string;
                    /** @enum {string} */
                    severity: "critical" | "high" | "medium" | "low";
                    finding_id: string;
                }[];
                /** Format: date-time */
                recorded_at: string;
                recorded_by: components["schemas"]["Actor"];
            } | null;
            allowed_actions: ("classify" | "update" | "resolve" | "postmortem")[];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    GET_healthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status?: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_readyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status?: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_ledger_checkpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        origin: string;
                        size: number;
                        root_hash: string;
                        note: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_ledger_entries: {
        parameters: {
            query?: {
                /** @description oldest (default) or newest first */
                order?: string;
                /** @description oldest first: the 0-based leaf index to start at */
                from?: number;
                /** @description newest first: entries below this index (default: the whole ledger) */
                before?: number;
                /** @description 1-1000, default 100 */
                limit?: number;
                /** @description filter: one event type, e.g. grant.approved */
                type?: string;
                /** @description filter: the actor's id (usr_…, tok_…, system) */
                actor?: string;
                /** @description filter: events about this party or an object filed under it (pty_…) */
                party?: string;
                /** @description filter: at or after this date or RFC 3339 time */
                since?: string;
                /** @description filter: up to the end of this date, or before this RFC 3339 time */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            index: number;
                            /** @description the canonical event bytes, base64 */
                            leaf: string;
                            /** @description SHA-256(0x00 || leaf), base64 */
                            leaf_hash: string;
                            event: {
                                type: string;
                                /** Format: date-time */
                                time: string;
                                actor: components["schemas"]["Actor"];
                                subject: {
                                    kind: string;
                                    id: string;
                                };
                                /** @description the event's own fields */
                                payload: {
                                    [key: string]: unknown;
                                };
                                org?: string;
                            };
                            /** @description the account's or token's name, if any */
                            actor_name: string | null;
                            /** @description the subject's name, if it has one */
                            subject_name: string | null;
                            party: {
                                id: string;
                                name: string | null;
                            } | null;
                        }[];
                        size: number;
                        next_from: number | null;
                        next_before: number | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_ledger_checkpoints: {
        parameters: {
            query?: {
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            size: number;
                            /** @description the Merkle root, base64 */
                            root_hash: string;
                            /** Format: date-time */
                            created_at: string;
                            /** @description the signed note (C2SP tlog-checkpoint) */
                            note: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_ledger_facets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        types: {
                            type: string;
                        }[];
                        actors: {
                            id: string;
                            name: string | null;
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_ledger_entries__index_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 0-based leaf index */
                index: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        index: number;
                        /** @description the canonical event bytes, base64 */
                        leaf: string;
                        /** @description SHA-256(0x00 || leaf), base64 */
                        leaf_hash: string;
                        event: {
                            type: string;
                            /** Format: date-time */
                            time: string;
                            actor: components["schemas"]["Actor"];
                            subject: {
                                kind: string;
                                id: string;
                            };
                            /** @description the event's own fields */
                            payload: {
                                [key: string]: unknown;
                            };
                            org?: string;
                        };
                        /** @description the account's or token's name, if any */
                        actor_name: string | null;
                        /** @description the subject's name, if it has one */
                        subject_name: string | null;
                        party: {
                            id: string;
                            name: string | null;
                        } | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_ledger_roots__size_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description tree size, 0 to the current size */
                size: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        size: number;
                        root_hash: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_ledger_proofs_inclusion: {
        parameters: {
            query: {
                /** @description leaf index */
                index: number;
                /** @description tree size (> index) */
                size: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        index: number;
                        size: number;
                        leaf_hash: string;
                        proof: string[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_ledger_proofs_consistency: {
        parameters: {
            query: {
                /** @description older tree size (>= 1) */
                from: number;
                /** @description newer tree size (>= from) */
                to: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        from: number;
                        to: number;
                        proof: string[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_ledger_keys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            verifier_key: string;
                            name: string;
                            key_id: string;
                            added_index: number;
                            /** Format: date-time */
                            added_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_ledger_evidence: {
        parameters: {
            query?: {
                /** @description first day or instant recorded (RFC 3339 or YYYY-MM-DD) */
                from?: string;
                /** @description last day or instant recorded, included */
                to?: string;
                /** @description only events about these parties (comma-separated ids) */
                party?: string;
                /** @description only events about these kinds of object (comma-separated) */
                kind?: string;
                /** @description only what proves this compliance control (a HIPAA citation such as 164.308(b)(1), or TP-11): the entries its evidence cites and those objects' history */
                control?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET__well_known_accord_checkpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_notes: {
        parameters: {
            query?: {
                /** @description subject kind */
                subject_kind?: string;
                /** @description subject id */
                subject_id?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
                /** @description ledger size */
                as_of?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            subject: {
                                kind: string;
                                id: string;
                            };
                            text: string;
                            author: components["schemas"]["Actor"];
                            /** Format: date-time */
                            created_at: string;
                            ledger_index: number;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_notes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    subject: Record<string, unknown>;
                    text: string;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        subject: {
                            kind: string;
                            id: string;
                        };
                        text: string;
                        author: components["schemas"]["Actor"];
                        /** Format: date-time */
                        created_at: string;
                        ledger_index: number;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_parties_import: {
        parameters: {
            query?: {
                /** @description import the good rows and report the others */
                skip_invalid?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        imported: number;
                        skipped: {
                            line: number;
                            field: string;
                            reason: string;
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_parties_export: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_parties: {
        parameters: {
            query?: {
                /** @description prefix of any word of the name */
                q?: string;
                /** @description filter */
                kind?: string;
                /** @description filter */
                status?: string;
                /** @description oldest (default) or newest first */
                order?: string;
                /** @description filter: low, medium or high */
                risk_tier?: string;
                /** @description with agreement_state: parties by the state of this agreement type (baa, ...) */
                agreement_type?: string;
                /** @description in_force, expired (and none in force) or not_in_force (missing or expired) */
                agreement_state?: string;
                /** @description inventory order: created, name, risk_tier, baa_expires_at, sla_expires_at, soc2_period_end, last_review_at, next_review_at (created by default); a leading - sorts descending; parties without a value last */
                sort?: string;
                /** @description filter by the BAA: in_force, expired, terminated, unsigned, none */
                baa?: string;
                /** @description filter by the SLA: in_force, expired, terminated, unsigned, none */
                sla?: string;
                /** @description filter: the BAA expires before (date) */
                baa_expires_before?: string;
                /** @description filter: the SLA expires before (date) */
                sla_expires_before?: string;
                /** @description filter: the latest SOC 2 period ended before (date) */
                soc2_period_end_before?: string;
                /** @description filter: a review is due before (date) */
                next_review_before?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Party"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_parties: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description unique, case-insensitive */
                    name: string;
                    /** @enum {string} */
                    kind: "customer" | "partner" | "subcontractor" | "contracted_developer";
                    legal_name?: string;
                    /** @enum {string} */
                    status?: "prospect" | "onboarding" | "active" | "offboarded";
                    /** @description who in our organisation owns the relationship; internal: not shown to the party's contacts */
                    owner?: string;
                    /**
                     * @description internal: not shown to the party's contacts
                     * @enum {string}
                     */
                    criticality?: "low" | "medium" | "high";
                    /** @description hosts or runs our infrastructure (SOC 2 yearly); internal: not shown to the party's contacts */
                    infrastructure_partner?: boolean;
                    /** @description listed on the public subprocessor page; refused while its agreements in force lack a data-use commitment we publish that applies to it, unless commitment_exceptions names it */
                    public_subprocessor?: boolean;
                    /** @description processes customer data with AI models: our commitments to AI providers apply */
                    ai_provider?: boolean;
                    /** @description published data-use commitments this party is not bound to, each with the officer's reason (TR-11); internal: not shown to the party's contacts */
                    commitment_exceptions?: {
                        /** @enum {string} */
                        commitment: "no_sale_or_sharing" | "no_advertising_use" | "ai_zero_data_retention" | "no_model_training";
                        reason: string;
                    }[];
                    /** @description what it does for us, as published */
                    purpose?: string;
                    location?: string;
                    region?: string;
                    website?: string;
                    /** @description HITRUST 05.i risk identification; internal: not shown to the party's contacts */
                    data_categories?: ("ephi" | "pii" | "financial" | "credentials" | "confidential" | "public")[];
                    /**
                     * @description internal: not shown to the party's contacts
                     * @enum {string}
                     */
                    access_level?: "none" | "non_production" | "production";
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Party"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_parties__id_: {
        parameters: {
            query?: {
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description party id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Party"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    DELETE_api_v1_parties__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description party id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        deleted: boolean;
                        ledger_index: number;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PATCH_api_v1_parties__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description party id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description unique, case-insensitive */
                    name?: string;
                    /** @enum {string} */
                    kind?: "customer" | "partner" | "subcontractor" | "contracted_developer";
                    legal_name?: string;
                    /** @enum {string} */
                    status?: "prospect" | "onboarding" | "active" | "offboarded";
                    /** @description who in our organisation owns the relationship; internal: not shown to the party's contacts */
                    owner?: string;
                    /**
                     * @description internal: not shown to the party's contacts
                     * @enum {string}
                     */
                    criticality?: "low" | "medium" | "high";
                    /** @description hosts or runs our infrastructure (SOC 2 yearly); internal: not shown to the party's contacts */
                    infrastructure_partner?: boolean;
                    /** @description listed on the public subprocessor page; refused while its agreements in force lack a data-use commitment we publish that applies to it, unless commitment_exceptions names it */
                    public_subprocessor?: boolean;
                    /** @description processes customer data with AI models: our commitments to AI providers apply */
                    ai_provider?: boolean;
                    /** @description published data-use commitments this party is not bound to, each with the officer's reason (TR-11); internal: not shown to the party's contacts */
                    commitment_exceptions?: {
                        /** @enum {string} */
                        commitment: "no_sale_or_sharing" | "no_advertising_use" | "ai_zero_data_retention" | "no_model_training";
                        reason: string;
                    }[];
                    /** @description what it does for us, as published */
                    purpose?: string;
                    location?: string;
                    region?: string;
                    website?: string;
                    /** @description HITRUST 05.i risk identification; internal: not shown to the party's contacts */
                    data_categories?: ("ephi" | "pii" | "financial" | "credentials" | "confidential" | "public")[];
                    /**
                     * @description internal: not shown to the party's contacts
                     * @enum {string}
                     */
                    access_level?: "none" | "non_production" | "production";
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Party"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_systems: {
        parameters: {
            query?: {
                /** @description prefix of any word of the name */
                q?: string;
                /** @description filter */
                environment?: string;
                /** @description oldest (default) or newest first */
                order?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["System"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_systems: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @enum {string} */
                    environment: "production" | "staging" | "development";
                    contains_ephi: boolean;
                    owner: string;
                    /** @description changes to it are infrastructure changes (TP-8) */
                    infrastructure?: boolean;
                    description?: string;
                    /** @description how a third party reaches the system (TP-5); plaintext is set by the server from the protocol */
                    endpoints?: {
                        /** @description unique within the system; grant lines name it */
                        name: string;
                        /** @description scheme://host[:port][/path] or host:port */
                        url: string;
                        /** @enum {string} */
                        protocol: "https" | "wss" | "ssh" | "sftp" | "scp" | "ftps" | "ipsec" | "wireguard" | "openvpn" | "tls" | "postgres+tls" | "mysql+tls" | "mssql+tls" | "redis+tls" | "ldaps" | "smtps" | "imaps" | "amqps" | "mqtts" | "kafka+tls" | "http" | "ws" | "ftp" | "tftp" | "telnet" | "rsh" | "vnc" | "ldap" | "postgres" | "mysql" | "mssql" | "redis" | "smtp" | "imap" | "pop3" | "amqp" | "mqtt" | "kafka";
                        description?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["System"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_systems__id_: {
        parameters: {
            query?: {
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description system id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["System"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    DELETE_api_v1_systems__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description system id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        deleted: boolean;
                        ledger_index: number;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PATCH_api_v1_systems__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description system id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @enum {string} */
                    environment?: "production" | "staging" | "development";
                    contains_ephi?: boolean;
                    owner?: string;
                    /** @description changes to it are infrastructure changes (TP-8) */
                    infrastructure?: boolean;
                    description?: string;
                    /** @description how a third party reaches the system (TP-5); plaintext is set by the server from the protocol */
                    endpoints?: {
                        /** @description unique within the system; grant lines name it */
                        name: string;
                        /** @description scheme://host[:port][/path] or host:port */
                        url: string;
                        /** @enum {string} */
                        protocol: "https" | "wss" | "ssh" | "sftp" | "scp" | "ftps" | "ipsec" | "wireguard" | "openvpn" | "tls" | "postgres+tls" | "mysql+tls" | "mssql+tls" | "redis+tls" | "ldaps" | "smtps" | "imaps" | "amqps" | "mqtts" | "kafka+tls" | "http" | "ws" | "ftp" | "tftp" | "telnet" | "rsh" | "vnc" | "ldap" | "postgres" | "mysql" | "mssql" | "redis" | "smtp" | "imap" | "pop3" | "amqp" | "mqtt" | "kafka";
                        description?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["System"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_parties__party_id__services: {
        parameters: {
            query?: {
                /** @description prefix of any word of the name */
                q?: string;
                /** @description filter */
                direction?: string;
                /** @description oldest (default) or newest first */
                order?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description party */
                party_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Service"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_parties__party_id__services: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description party */
                party_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                    /** @enum {string} */
                    direction?: "provides" | "uses";
                    /** @description ids of our systems the service touches */
                    systems?: string[];
                    data_categories?: ("ephi" | "pii" | "financial" | "credentials" | "confidential" | "public")[];
                    /** @description creates, receives, maintains or transmits ePHI */
                    handles_ephi: boolean;
                    /** @description its own account or tenant, e.g. an AWS account id */
                    environment_boundary?: string;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_services__id_: {
        parameters: {
            query?: {
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description service id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    DELETE_api_v1_services__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description service id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        deleted: boolean;
                        ledger_index: number;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PATCH_api_v1_services__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description service id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string;
                    /** @enum {string} */
                    direction?: "provides" | "uses";
                    /** @description ids of our systems the service touches */
                    systems?: string[];
                    data_categories?: ("ephi" | "pii" | "financial" | "credentials" | "confidential" | "public")[];
                    /** @description creates, receives, maintains or transmits ePHI */
                    handles_ephi?: boolean;
                    /** @description its own account or tenant, e.g. an AWS account id */
                    environment_boundary?: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_parties__party_id__contacts: {
        parameters: {
            query?: {
                /** @description prefix of any word of the name */
                q?: string;
                /** @description filter */
                role?: string;
                /** @description oldest (default) or newest first */
                order?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description party */
                party_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Contact"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_parties__party_id__contacts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description party */
                party_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** Format: email */
                    email: string;
                    phone?: string;
                    /** @description e.g. security, account manager, incident contact */
                    role?: string;
                    primary?: boolean;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_contacts__id_: {
        parameters: {
            query?: {
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description contact id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    DELETE_api_v1_contacts__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description contact id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        deleted: boolean;
                        ledger_index: number;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PATCH_api_v1_contacts__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description contact id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** Format: email */
                    email?: string;
                    phone?: string;
                    /** @description e.g. security, account manager, incident contact */
                    role?: string;
                    primary?: boolean;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_parties__party_id__agreements: {
        parameters: {
            query?: {
                /** @description prefix of any word of the title */
                q?: string;
                /** @description filter */
                type?: string;
                /** @description filter */
                status?: string;
                /** @description oldest (default) or newest first */
                order?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description party */
                party_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Agreement"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_parties__party_id__agreements: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description party */
                party_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    type: "baa" | "sla" | "nda" | "dev_contract" | "msa" | "dpa";
                    title?: string;
                    /** @enum {string} */
                    status?: "draft" | "sent" | "executed" | "expired" | "terminated";
                    /** Format: date-time */
                    effective_at?: string;
                    /** Format: date-time */
                    expires_at?: string;
                    renewal_notice_days?: number;
                    /** @description SLA reviews (TP-14): RFC 5545 RRULE such as FREQ=MONTHLY;INTERVAL=3; default from the profile's [reviews.schedule] */
                    review_rrule?: string;
                    /** @description who signed for the third party */
                    signed_by?: string;
                    /** @description data-use commitments (TR-11) */
                    data_use?: {
                        no_sale_or_sharing?: boolean;
                        no_advertising_use?: boolean;
                        ai_zero_data_retention?: boolean;
                        no_model_training?: boolean;
                        dpf_participation?: boolean;
                    };
                    /** @description HIPAA 164.314(a)(2)(i) checklist */
                    baa?: {
                        /** @description 164.314(a)(2)(i)(A) */
                        safeguards?: boolean;
                        /** @description 164.314(a)(2)(i)(B) */
                        subcontractor_flow_down?: boolean;
                        /** @description 164.314(a)(2)(i)(C) */
                        incident_reporting?: boolean;
                        responsibilities?: string;
                        /** @description hours after discovery within which we must notify this covered entity of a breach; the 60 days of 164.410(b) when absent */
                        breach_notice_hours?: number;
                        /** @description the customer's inheritance of catalog controls where this BAA departs from the default (docs/compliance.md) */
                        inheritance?: {
                            control: string;
                            /** @enum {string} */
                            inherited: "yes" | "partially" | "no";
                            responsibility?: string;
                        }[];
                    };
                    /** @description SLA sections required by the seeds and measurable terms */
                    sla?: {
                        liability?: boolean;
                        service_definitions?: boolean;
                        security_controls?: boolean;
                        service_management?: boolean;
                        uptime_percent?: number;
                        response_hours?: number;
                        resolution_hours?: number;
                        breach_notice_hours?: number;
                    };
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_agreements__id_: {
        parameters: {
            query?: {
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description agreement id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    DELETE_api_v1_agreements__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description agreement id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        deleted: boolean;
                        ledger_index: number;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PATCH_api_v1_agreements__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description agreement id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    type?: "baa" | "sla" | "nda" | "dev_contract" | "msa" | "dpa";
                    title?: string;
                    /** @enum {string} */
                    status?: "draft" | "sent" | "executed" | "expired" | "terminated";
                    /** Format: date-time */
                    effective_at?: string;
                    /** Format: date-time */
                    expires_at?: string;
                    renewal_notice_days?: number;
                    /** @description SLA reviews (TP-14): RFC 5545 RRULE such as FREQ=MONTHLY;INTERVAL=3; default from the profile's [reviews.schedule] */
                    review_rrule?: string;
                    /** @description who signed for the third party */
                    signed_by?: string;
                    /** @description data-use commitments (TR-11) */
                    data_use?: {
                        no_sale_or_sharing?: boolean;
                        no_advertising_use?: boolean;
                        ai_zero_data_retention?: boolean;
                        no_model_training?: boolean;
                        dpf_participation?: boolean;
                    };
                    /** @description HIPAA 164.314(a)(2)(i) checklist */
                    baa?: {
                        /** @description 164.314(a)(2)(i)(A) */
                        safeguards?: boolean;
                        /** @description 164.314(a)(2)(i)(B) */
                        subcontractor_flow_down?: boolean;
                        /** @description 164.314(a)(2)(i)(C) */
                        incident_reporting?: boolean;
                        responsibilities?: string;
                        /** @description hours after discovery within which we must notify this covered entity of a breach; the 60 days of 164.410(b) when absent */
                        breach_notice_hours?: number;
                        /** @description the customer's inheritance of catalog controls where this BAA departs from the default (docs/compliance.md) */
                        inheritance?: {
                            control: string;
                            /** @enum {string} */
                            inherited: "yes" | "partially" | "no";
                            responsibility?: string;
                        }[];
                    };
                    /** @description SLA sections required by the seeds and measurable terms */
                    sla?: {
                        liability?: boolean;
                        service_definitions?: boolean;
                        security_controls?: boolean;
                        service_management?: boolean;
                        uptime_percent?: number;
                        response_hours?: number;
                        resolution_hours?: number;
                        breach_notice_hours?: number;
                    };
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_parties__party_id__due_diligence: {
        parameters: {
            query?: {
                /** @description filter */
                result?: string;
                /** @description oldest (default) or newest first */
                order?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description party */
                party_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["DueDiligence"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_parties__party_id__due_diligence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description party */
                party_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    date: string;
                    reviewer: string;
                    /** @enum {string} */
                    result: "passed" | "conditional" | "failed";
                    summary?: string;
                    /** @description ids of uploaded documents */
                    evidence?: string[];
                    /** Format: date-time */
                    next_due_at?: string;
                    /** @enum {string} */
                    scope?: "security" | "privacy" | "financial" | "compliance" | "other";
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DueDiligence"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_due_diligence__id_: {
        parameters: {
            query?: {
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description due diligence id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DueDiligence"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    DELETE_api_v1_due_diligence__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description due diligence id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        deleted: boolean;
                        ledger_index: number;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PATCH_api_v1_due_diligence__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description due diligence id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    date?: string;
                    reviewer?: string;
                    /** @enum {string} */
                    result?: "passed" | "conditional" | "failed";
                    summary?: string;
                    /** @description ids of uploaded documents */
                    evidence?: string[];
                    /** Format: date-time */
                    next_due_at?: string;
                    /** @enum {string} */
                    scope?: "security" | "privacy" | "financial" | "compliance" | "other";
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DueDiligence"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_parties__party_id__controls: {
        parameters: {
            query?: {
                /** @description prefix of any word of the name */
                q?: string;
                /** @description filter */
                type?: string;
                /** @description oldest (default) or newest first */
                order?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description party */
                party_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Control"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_parties__party_id__controls: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description party */
                party_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    date: string;
                    reviewer: string;
                    /** @enum {string} */
                    result: "passed" | "conditional" | "failed";
                    summary?: string;
                    /** @description ids of uploaded documents */
                    evidence?: string[];
                    /** Format: date-time */
                    next_due_at?: string;
                    name: string;
                    /** @enum {string} */
                    type: "encryption_in_transit" | "access_control" | "soc2_report" | "penetration_test" | "infrastructure_permission" | "other";
                    /** @description for infrastructure_permission: the system it covers */
                    system_id?: string;
                    /** Format: date-time */
                    valid_until?: string;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Control"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_controls__id_: {
        parameters: {
            query?: {
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description control id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Control"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    DELETE_api_v1_controls__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description control id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        deleted: boolean;
                        ledger_index: number;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PATCH_api_v1_controls__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description control id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    date?: string;
                    reviewer?: string;
                    /** @enum {string} */
                    result?: "passed" | "conditional" | "failed";
                    summary?: string;
                    /** @description ids of uploaded documents */
                    evidence?: string[];
                    /** Format: date-time */
                    next_due_at?: string;
                    name?: string;
                    /** @enum {string} */
                    type?: "encryption_in_transit" | "access_control" | "soc2_report" | "penetration_test" | "infrastructure_permission" | "other";
                    /** @description for infrastructure_permission: the system it covers */
                    system_id?: string;
                    /** Format: date-time */
                    valid_until?: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Control"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_parties__party_id__documents: {
        parameters: {
            query?: {
                /** @description prefix of any word of the filename */
                q?: string;
                /** @description filter */
                content_type?: string;
                /** @description oldest (default) or newest first */
                order?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description party */
                party_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Document"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_parties__party_id__documents: {
        parameters: {
            query: {
                /** @description the file's name, for display */
                filename: string;
                /** @description when the document took effect (RFC 3339 or YYYY-MM-DD); the ledger records the upload time separately */
                effective_at?: string;
            };
            header?: never;
            path: {
                /** @description party id */
                party_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_documents__id_: {
        parameters: {
            query?: {
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description document id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_users: {
        parameters: {
            query?: {
                /** @description prefix of any word of the email */
                q?: string;
                /** @description filter */
                role?: string;
                /** @description filter */
                status?: string;
                /** @description filter: about this party */
                party_id?: string;
                /** @description oldest (default) or newest first */
                order?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["User"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_users: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    name: string;
                    /** @enum {string} */
                    role: "security_officer" | "privacy_officer" | "staff" | "auditor" | "third_party_contact";
                    /** @description required for third_party_contact: the one party the account belongs to */
                    party_id?: string;
                    /**
                     * Format: date-time
                     * @description optional end of access (e.g. an external auditor's engagement)
                     */
                    expires_at?: string;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["User"];
                        initial_password: string;
                        note?: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_users__id_: {
        parameters: {
            query?: {
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description user id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_entitlement_reviews: {
        parameters: {
            query?: {
                /** @description prefix of any word of the title */
                q?: string;
                /** @description filter */
                scope?: string;
                /** @description filter */
                status?: string;
                /** @description oldest (default) or newest first */
                order?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["EntitlementReview"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_entitlement_reviews: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description regular: staff, auditors, third-party contacts and active grants; elevated: officers and break-glass uses
                     * @enum {string}
                     */
                    scope: "regular" | "elevated";
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntitlementReview"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_entitlement_reviews__id_: {
        parameters: {
            query?: {
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description entitlement review id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntitlementReview"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_alerts: {
        parameters: {
            query?: {
                /** @description prefix of any word of the title */
                q?: string;
                /** @description filter */
                type?: string;
                /** @description filter */
                status?: string;
                /** @description oldest (default) or newest first */
                order?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Alert"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_alerts__id_: {
        parameters: {
            query?: {
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description alert id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Alert"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_reviews: {
        parameters: {
            query?: {
                /** @description prefix of any word of the title */
                q?: string;
                /** @description filter */
                review_kind?: string;
                /** @description filter */
                status?: string;
                /** @description filter: about this party */
                party_id?: string;
                /** @description filter: due at or after (RFC 3339) */
                due_after?: string;
                /** @description filter: due before (RFC 3339) */
                due_before?: string;
                /** @description true: open and past due */
                overdue?: boolean;
                /** @description due_at: soonest due first */
                sort?: string;
                /** @description oldest (default) or newest first */
                order?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Review"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_reviews: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description change_review and risk_assessment are opened by change notices
                     * @enum {string}
                     */
                    review_kind: "partner_list_review" | "party_review" | "sla_review" | "activity_review" | "change_review" | "risk_assessment" | "sla_report";
                    /** @description required for every kind about one party */
                    party_id?: string;
                    /** @description for an sla_review: the SLA */
                    agreement_id?: string;
                    /**
                     * Format: date-time
                     * @description when the review must be approved; in the future
                     */
                    due_at: string;
                    /** @description default from kind and party */
                    title?: string;
                    /** @description assign at once (a user in the profile's assignee roles) */
                    assignee_id?: string;
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Review"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_reviews__id_: {
        parameters: {
            query?: {
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description review id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Review"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_parties__party_id__soc2_reports: {
        parameters: {
            query?: {
                /** @description filter */
                opinion?: string;
                /** @description filter */
                status?: string;
                /** @description oldest (default) or newest first */
                order?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description party */
                party_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Soc2Report"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_parties__party_id__soc2_reports: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description party */
                party_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    type: "type1" | "type2";
                    /** Format: date-time */
                    period_start?: string;
                    /** Format: date-time */
                    period_end: string;
                    /** @description the audit firm */
                    auditor: string;
                    /** @enum {string} */
                    opinion: "unqualified" | "qualified" | "adverse" | "disclaimer";
                    /** Format: date-time */
                    issued_at?: string;
                    /**
                     * Format: date-time
                     * @description when we reviewed it; absent while the report awaits review
                     */
                    reviewed_at?: string;
                    /** @description exceptions the auditor noted; each becomes a finding; internal: not shown to the party's contacts */
                    exceptions?: {
                        control: string;
                        description?: string;
                        /** @enum {string} */
                        severity?: "critical" | "high" | "medium" | "low";
                    }[];
                    /** @description complementary user entity controls, each with our owner; internal: not shown to the party's contacts */
                    user_entity_controls?: {
                        control: string;
                        owner_id: string;
                        in_place?: boolean;
                        /** @description the HIPAA specification it serves, e.g. 164.308(a)(1)(ii)(A) */
                        hipaa_citation?: string;
                    }[];
                    /** @description covers the gap between the period's end and now */
                    bridge_letter?: {
                        /** Format: date-time */
                        covered_until?: string;
                        document_id?: string;
                    };
                    /** @description the uploaded report */
                    document_id?: string;
                    /** @description internal: not shown to the party's contacts */
                    summary?: string;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Soc2Report"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_soc2_reports__id_: {
        parameters: {
            query?: {
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description soc2 report id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Soc2Report"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_change_notices: {
        parameters: {
            query?: {
                /** @description prefix of any word of the title */
                q?: string;
                /** @description filter */
                substantial_tag?: string;
                /** @description filter */
                status?: string;
                /** @description filter: about this party */
                party_id?: string;
                /** @description oldest (default) or newest first */
                order?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ChangeNotice"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_change_notices: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the party changing its services */
                    party_id: string;
                    title: string;
                    /** @description what changes, as the party announced it */
                    description: string;
                    service_ids?: string[];
                    /** @description our systems the change touches */
                    system_ids?: string[];
                    /**
                     * Format: date-time
                     * @description when the party plans to implement it; in the future
                     */
                    planned_at: string;
                    /** @description the officer's call; the profile's rules may also make it substantial */
                    substantial?: boolean;
                    new_subprocessor?: boolean;
                    /** @description where data will newly be stored or processed */
                    new_data_location?: string;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangeNotice"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_change_notices__id_: {
        parameters: {
            query?: {
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description change notice id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangeNotice"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_findings: {
        parameters: {
            query?: {
                /** @description prefix of any word of the title */
                q?: string;
                /** @description filter */
                severity?: string;
                /** @description filter */
                status?: string;
                /** @description filter: about this party */
                party_id?: string;
                /** @description filter: owned by this account (none: by nobody) */
                owner_id?: string;
                /** @description filter: what raised it (manual, review, soc2_report, change_notice, schedule, ...) */
                source?: string;
                /** @description filter: due before (date or RFC 3339) */
                due_before?: string;
                /** @description true: still open and past its due date */
                overdue?: boolean;
                /** @description oldest (default) or newest first */
                order?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Finding"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_findings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    /** @description what was found */
                    description?: string;
                    /** @enum {string} */
                    severity: "critical" | "high" | "medium" | "low";
                    /** @description the party it concerns */
                    party_id?: string;
                    /** @description the review that found it */
                    review_id?: string;
                    /** @description who resolves it (default: you) */
                    owner_id?: string;
                    /**
                     * Format: date-time
                     * @description default from the profile's remediation window for the severity
                     */
                    due_at?: string;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Finding"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_findings__id_: {
        parameters: {
            query?: {
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description finding id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Finding"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_certifications: {
        parameters: {
            query?: {
                /** @description prefix of any word of the name */
                q?: string;
                /** @description filter */
                framework?: string;
                /** @description oldest (default) or newest first */
                order?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Certification"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_certifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description as the trust page shows it, e.g. SOC 2 Type II */
                    name: string;
                    /** @enum {string} */
                    framework: "iso27001_2022" | "soc2_type1" | "soc2_type2" | "hitrust_r2" | "hitrust_i1" | "dpf" | "hipaa" | "pci_dss" | "other";
                    /** @description the auditor or certification body */
                    issuer: string;
                    scope?: string;
                    /** Format: date-time */
                    valid_from: string;
                    /** Format: date-time */
                    valid_until: string;
                    /** @description shown on the public trust page while valid (default true) */
                    public?: boolean;
                    /** @description the certificate or report (never public by itself) */
                    document_id?: string;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Certification"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_certifications__id_: {
        parameters: {
            query?: {
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description certification id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Certification"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    DELETE_api_v1_certifications__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description certification id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        deleted: boolean;
                        ledger_index: number;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PATCH_api_v1_certifications__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description certification id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description as the trust page shows it, e.g. SOC 2 Type II */
                    name?: string;
                    /** @enum {string} */
                    framework?: "iso27001_2022" | "soc2_type1" | "soc2_type2" | "hitrust_r2" | "hitrust_i1" | "dpf" | "hipaa" | "pci_dss" | "other";
                    /** @description the auditor or certification body */
                    issuer?: string;
                    scope?: string;
                    /** Format: date-time */
                    valid_from?: string;
                    /** Format: date-time */
                    valid_until?: string;
                    /** @description shown on the public trust page while valid (default true) */
                    public?: boolean;
                    /** @description the certificate or report (never public by itself) */
                    document_id?: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Certification"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_report_requests: {
        parameters: {
            query?: {
                /** @description prefix of any word of the organisation */
                q?: string;
                /** @description filter */
                report_type?: string;
                /** @description filter */
                status?: string;
                /** @description filter: about this party */
                party_id?: string;
                /** @description oldest (default) or newest first */
                order?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ReportRequest"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_report_requests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description full name */
                    name: string;
                    /**
                     * Format: email
                     * @description where the NDA and the download link are sent
                     */
                    email: string;
                    organisation: string;
                    /** @enum {string} */
                    report_type: "soc2_type2" | "soc2_type1" | "iso27001" | "hitrust" | "penetration_test" | "inheritance_matrix" | "other";
                    /**
                     * Format: date-time
                     * @description YYYY-MM-DD or RFC 3339
                     */
                    needed_by?: string;
                    message?: string;
                    /** @description link to this customer or partner at once */
                    party_id?: string;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportRequest"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_report_requests__id_: {
        parameters: {
            query?: {
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description report request id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportRequest"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_parties__party_id__connections: {
        parameters: {
            query?: {
                /** @description filter */
                weakness?: string;
                /** @description oldest (default) or newest first */
                order?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description party */
                party_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Connection"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_connections__id_: {
        parameters: {
            query?: {
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description connection id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Connection"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_data_commitments: {
        parameters: {
            query?: {
                /** @description prefix of any word of the statement */
                q?: string;
                /** @description filter */
                key?: string;
                /** @description oldest (default) or newest first */
                order?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["DataCommitment"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_data_commitments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description as the trust page shows it, e.g. We never sell customer data */
                    statement: string;
                    /** @enum {string} */
                    key: "no_sale_or_sharing" | "no_advertising_use" | "ai_zero_data_retention" | "no_model_training" | "other";
                    /**
                     * @description organisation: our own promise only; all_subprocessors or ai_providers: those subprocessors' agreements must make it too (data_use)
                     * @enum {string}
                     */
                    applies_to: "organisation" | "all_subprocessors" | "ai_providers";
                    /** Format: date-time */
                    since: string;
                    /**
                     * @description what backs it: a document, one of our certifications, or a clause of our agreements
                     * @enum {string}
                     */
                    evidence_kind?: "document" | "certification" | "agreement_clause";
                    /** @description the document, certification or agreement (with evidence_kind) */
                    evidence_id?: string;
                    /** @description published with it, e.g. DPA section 7.2 */
                    evidence_note?: string;
                    /** @description shown on the public trust page (default true) */
                    public?: boolean;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataCommitment"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_data_commitments__id_: {
        parameters: {
            query?: {
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description data commitment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataCommitment"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    DELETE_api_v1_data_commitments__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description data commitment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        deleted: boolean;
                        ledger_index: number;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PATCH_api_v1_data_commitments__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description data commitment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description as the trust page shows it, e.g. We never sell customer data */
                    statement?: string;
                    /** @enum {string} */
                    key?: "no_sale_or_sharing" | "no_advertising_use" | "ai_zero_data_retention" | "no_model_training" | "other";
                    /**
                     * @description organisation: our own promise only; all_subprocessors or ai_providers: those subprocessors' agreements must make it too (data_use)
                     * @enum {string}
                     */
                    applies_to?: "organisation" | "all_subprocessors" | "ai_providers";
                    /** Format: date-time */
                    since?: string;
                    /**
                     * @description what backs it: a document, one of our certifications, or a clause of our agreements
                     * @enum {string}
                     */
                    evidence_kind?: "document" | "certification" | "agreement_clause";
                    /** @description the document, certification or agreement (with evidence_kind) */
                    evidence_id?: string;
                    /** @description published with it, e.g. DPA section 7.2 */
                    evidence_note?: string;
                    /** @description shown on the public trust page (default true) */
                    public?: boolean;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataCommitment"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_dpf_participations: {
        parameters: {
            query?: {
                /** @description filter */
                status?: string;
                /** @description oldest (default) or newest first */
                order?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["DpfParticipation"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_dpf_participations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description EU-U.S. DPF, the UK Extension to it, the Swiss-U.S. DPF */
                    frameworks: ("eu_us" | "uk_extension" | "swiss_us")[];
                    /** @enum {string} */
                    status: "active" | "inactive" | "withdrawn";
                    /** Format: date-time */
                    last_recertified_at: string;
                    /** @description the public listing on the DPF website (https) */
                    listing_url?: string;
                    /** @description shown on the public trust page (default true) */
                    public?: boolean;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DpfParticipation"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_dpf_participations__id_: {
        parameters: {
            query?: {
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description dpf participation id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DpfParticipation"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    DELETE_api_v1_dpf_participations__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description dpf participation id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        deleted: boolean;
                        ledger_index: number;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PATCH_api_v1_dpf_participations__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description dpf participation id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description EU-U.S. DPF, the UK Extension to it, the Swiss-U.S. DPF */
                    frameworks?: ("eu_us" | "uk_extension" | "swiss_us")[];
                    /** @enum {string} */
                    status?: "active" | "inactive" | "withdrawn";
                    /** Format: date-time */
                    last_recertified_at?: string;
                    /** @description the public listing on the DPF website (https) */
                    listing_url?: string;
                    /** @description shown on the public trust page (default true) */
                    public?: boolean;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DpfParticipation"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_change_requests: {
        parameters: {
            query?: {
                /** @description prefix of any word of the title */
                q?: string;
                /** @description filter */
                risk?: string;
                /** @description filter */
                status?: string;
                /** @description oldest (default) or newest first */
                order?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ChangeRequest"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_change_requests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    /** @description what changes and why */
                    description: string;
                    /** @description our systems the change touches (at least one) */
                    system_ids: string[];
                    /** @enum {string} */
                    risk: "low" | "medium" | "high";
                    /** @description how the change is undone if it goes wrong */
                    backout_plan: string;
                    /** @description released first, reviewed and approved afterwards within the profile's window */
                    emergency?: boolean;
                    /** @description why it cannot wait (required for an emergency change) */
                    emergency_reason?: string;
                    /** @description a vendor's substantial change notice touching our production systems that this change implements our side of */
                    change_notice_id?: string;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangeRequest"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_change_requests__id_: {
        parameters: {
            query?: {
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description change request id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangeRequest"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_parties__party_id__vendor_incidents: {
        parameters: {
            query?: {
                /** @description prefix of any word of the name */
                q?: string;
                /** @description filter */
                impact?: string;
                /** @description filter */
                status?: string;
                /** @description oldest (default) or newest first */
                order?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description party */
                party_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["VendorIncident"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_vendor_incidents__id_: {
        parameters: {
            query?: {
                /** @description ledger size: the state back then */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description vendor incident id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorIncident"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_agreements__id__documents: {
        parameters: {
            query?: {
                /** @description ledger size */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description agreement id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Document"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_agreements__id__documents: {
        parameters: {
            query: {
                /** @description the file's name, for display */
                filename: string;
                /** @description when the document took effect (RFC 3339 or YYYY-MM-DD); the ledger records the upload time separately */
                effective_at?: string;
            };
            header?: never;
            path: {
                /** @description agreement id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_certifications__id__documents: {
        parameters: {
            query?: {
                /** @description ledger size */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description certification id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Document"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_certifications__id__documents: {
        parameters: {
            query: {
                /** @description the file's name, for display */
                filename: string;
                /** @description when the document took effect (RFC 3339 or YYYY-MM-DD); the ledger records the upload time separately */
                effective_at?: string;
            };
            header?: never;
            path: {
                /** @description certification id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_findings__id__documents: {
        parameters: {
            query?: {
                /** @description ledger size */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description finding id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Document"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_findings__id__documents: {
        parameters: {
            query: {
                /** @description the file's name, for display */
                filename: string;
                /** @description when the document took effect (RFC 3339 or YYYY-MM-DD); the ledger records the upload time separately */
                effective_at?: string;
            };
            header?: never;
            path: {
                /** @description finding id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_breach_assessments__id__documents: {
        parameters: {
            query: {
                /** @description the file's name, for display */
                filename: string;
                /** @description when the document took effect (RFC 3339 or YYYY-MM-DD); the ledger records the upload time separately */
                effective_at?: string;
            };
            header?: never;
            path: {
                /** @description breach_assessment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_documents__id__content: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description document id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_parties__id__timeline: {
        parameters: {
            query?: {
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description party */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            index: number;
                            /** @description the event type, noun.verb_past */
                            type: string;
                            /** Format: date-time */
                            at: string;
                            subject: {
                                kind: string;
                                id: string;
                                name: string;
                            };
                            actor: components["schemas"]["Actor"] | null;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_access_evaluate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    party_id: string;
                    contact_id: string;
                    purpose?: string;
                    /** Format: date-time */
                    start_at: string;
                    /** Format: date-time */
                    end_at: string;
                    lines: {
                        system_id: string;
                        /** @enum {string} */
                        permission: "read" | "write" | "admin";
                        justification?: string;
                        /** @description names of the system's endpoints the party will use (TP-5); none: any of them */
                        endpoints?: string[];
                    }[];
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GateDecision"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_access_grants: {
        parameters: {
            query?: {
                /** @description one party's grants */
                party_id?: string;
                /** @description recorded status: requested approved denied revoked expired */
                status?: string;
                /** @description allow deny needs_approval */
                decision_outcome?: string;
                /** @description newest (default) or oldest first */
                order?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
                /** @description ledger size */
                as_of?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Grant"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_access_grants: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    party_id: string;
                    contact_id: string;
                    purpose?: string;
                    /** Format: date-time */
                    start_at: string;
                    /** Format: date-time */
                    end_at: string;
                    lines: {
                        system_id: string;
                        /** @enum {string} */
                        permission: "read" | "write" | "admin";
                        justification?: string;
                        /** @description names of the system's endpoints the party will use (TP-5); none: any of them */
                        endpoints?: string[];
                    }[];
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Grant"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_access_grants__id_: {
        parameters: {
            query?: {
                /** @description ledger size */
                as_of?: number;
            };
            header?: never;
            path: {
                /** @description grant id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Grant"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_access_grants__id__approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description grant id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Grant"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_access_grants__id__deny: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description grant id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Grant"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_access_grants__id__revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description grant id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Grant"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_access_grants__id__connections: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description grant id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description a system of the grant */
                    system_id: string;
                    /** @description the name of the system's endpoint used */
                    endpoint: string;
                    /**
                     * @description as observed; default: the endpoint's declared protocol
                     * @enum {string}
                     */
                    protocol?: "https" | "wss" | "ssh" | "sftp" | "scp" | "ftps" | "ipsec" | "wireguard" | "openvpn" | "tls" | "postgres+tls" | "mysql+tls" | "mssql+tls" | "redis+tls" | "ldaps" | "smtps" | "imaps" | "amqps" | "mqtts" | "kafka+tls" | "http" | "ws" | "ftp" | "tftp" | "telnet" | "rsh" | "vnc" | "ldap" | "postgres" | "mysql" | "mssql" | "redis" | "smtp" | "imap" | "pop3" | "amqp" | "mqtt" | "kafka";
                    /** @description where known: TLS 1.0, TLS 1.1, TLS 1.2, TLS 1.3, SSL 3.0 (TLSv1.2 also) */
                    tls_version?: string;
                    /** @description where known */
                    cipher?: string;
                    /** Format: date-time */
                    connected_at: string;
                    /** @description the party's IPv4 or IPv6 address */
                    source_address: string;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Connection"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_auth_sign_in: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description password_change_required, mfa_enrolment_required, mfa_required or active */
                        state: string;
                        user: {
                            id: string;
                            email: string;
                            role: string;
                            name?: string | null;
                            party_id?: string | null;
                            status?: string;
                            mfa_enrolled?: boolean | null;
                        };
                        csrf_token: string;
                        session: {
                            id: string;
                            /** Format: date-time */
                            expires_at: string;
                            idle_timeout_seconds: number;
                        };
                        profile?: {
                            name: string;
                            allow_self_approval: string[];
                        };
                        /** Format: date-time */
                        break_glass_until?: string;
                        recovery_codes?: string[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_auth_totp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description password_change_required, mfa_enrolment_required, mfa_required or active */
                        state: string;
                        user: {
                            id: string;
                            email: string;
                            role: string;
                            name?: string | null;
                            party_id?: string | null;
                            status?: string;
                            mfa_enrolled?: boolean | null;
                        };
                        csrf_token: string;
                        session: {
                            id: string;
                            /** Format: date-time */
                            expires_at: string;
                            idle_timeout_seconds: number;
                        };
                        profile?: {
                            name: string;
                            allow_self_approval: string[];
                        };
                        /** Format: date-time */
                        break_glass_until?: string;
                        recovery_codes?: string[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_auth_recovery: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description password_change_required, mfa_enrolment_required, mfa_required or active */
                        state: string;
                        user: {
                            id: string;
                            email: string;
                            role: string;
                            name?: string | null;
                            party_id?: string | null;
                            status?: string;
                            mfa_enrolled?: boolean | null;
                        };
                        csrf_token: string;
                        session: {
                            id: string;
                            /** Format: date-time */
                            expires_at: string;
                            idle_timeout_seconds: number;
                        };
                        profile?: {
                            name: string;
                            allow_self_approval: string[];
                        };
                        /** Format: date-time */
                        break_glass_until?: string;
                        recovery_codes?: string[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_auth_mfa_enrol: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description base32, shown once */
                        secret: string;
                        otpauth_uri: string;
                        algorithm: string;
                        digits: number;
                        period: number;
                        next: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_auth_mfa_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description password_change_required, mfa_enrolment_required, mfa_required or active */
                        state: string;
                        user: {
                            id: string;
                            email: string;
                            role: string;
                            name?: string | null;
                            party_id?: string | null;
                            status?: string;
                            mfa_enrolled?: boolean | null;
                        };
                        csrf_token: string;
                        session: {
                            id: string;
                            /** Format: date-time */
                            expires_at: string;
                            idle_timeout_seconds: number;
                        };
                        profile?: {
                            name: string;
                            allow_self_approval: string[];
                        };
                        /** Format: date-time */
                        break_glass_until?: string;
                        recovery_codes?: string[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_auth_recovery_codes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    current_password: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        recovery_codes: string[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_auth_initial_password: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    new_password: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description password_change_required, mfa_enrolment_required, mfa_required or active */
                        state: string;
                        user: {
                            id: string;
                            email: string;
                            role: string;
                            name?: string | null;
                            party_id?: string | null;
                            status?: string;
                            mfa_enrolled?: boolean | null;
                        };
                        csrf_token: string;
                        session: {
                            id: string;
                            /** Format: date-time */
                            expires_at: string;
                            idle_timeout_seconds: number;
                        };
                        profile?: {
                            name: string;
                            allow_self_approval: string[];
                        };
                        /** Format: date-time */
                        break_glass_until?: string;
                        recovery_codes?: string[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_auth_session: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description password_change_required, mfa_enrolment_required, mfa_required or active */
                        state: string;
                        user: {
                            id: string;
                            email: string;
                            role: string;
                            name?: string | null;
                            party_id?: string | null;
                            status?: string;
                            mfa_enrolled?: boolean | null;
                        };
                        csrf_token: string;
                        session: {
                            id: string;
                            /** Format: date-time */
                            expires_at: string;
                            idle_timeout_seconds: number;
                        };
                        profile?: {
                            name: string;
                            allow_self_approval: string[];
                        };
                        /** Format: date-time */
                        break_glass_until?: string;
                        recovery_codes?: string[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_auth_sign_out: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        signed_out: boolean;
                        everywhere: boolean;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_auth_sign_out_everywhere: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        signed_out: boolean;
                        everywhere: boolean;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_auth_password: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    current_password: string;
                    new_password: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        changed: boolean;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_auth_break_glass: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        break_glass_until: string;
                        effective_role: string;
                        alert_id: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_auth_oidc: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        enabled: boolean;
                        /** @description everyone, or listed: only the accounts [identity] password_accounts names */
                        password_sign_in: string;
                        /** @description the identity provider's name for the button */
                        display_name?: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_auth_oidc_sign_out: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        signed_out: boolean;
                        /** @description the provider's end-session address to send the browser to, when the session came from it */
                        logout_url: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_auth_oidc_backchannel_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        signed_out: boolean;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_auth_oidc_start: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_account_sso_links: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the identity provider's name, null when single sign-on is not set up */
                        provider: string | null;
                        /** @description its issuer URL */
                        issuer: string | null;
                        has_password: boolean;
                        links: {
                            /** @description the identity provider's issuer URL */
                            issuer: string;
                            /** @description the person's subject (sub) at the provider */
                            subject: string;
                            /** @description when the link was made (RFC 3339) */
                            linked_at: string;
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_account_sso_links: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the identity provider's address to send the browser to */
                        url: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_account_sso_links_remove: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the link's issuer */
                    issuer: string;
                    /** @description the link's subject */
                    subject: string;
                    /** @description my Accord password: required when the account has one */
                    password?: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        unlinked: boolean;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_users__id__sso_links: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the account */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        links: {
                            /** @description the identity provider's issuer URL */
                            issuer: string;
                            /** @description the person's subject (sub) at the provider */
                            subject: string;
                            /** @description when the link was made (RFC 3339) */
                            linked_at: string;
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_auth_oidc_callback: {
        parameters: {
            query?: {
                /** @description the authorization code */
                code?: string;
                /** @description the flow's state */
                state?: string;
                /** @description the provider's refusal */
                error?: string;
                /** @description the provider's words for it */
                error_description?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_sso: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        enabled: boolean;
                        sso_required: boolean;
                        issuer?: string;
                        client_id?: string;
                        client_secret_set?: boolean;
                        display_name?: string;
                        /** @description register this at the provider */
                        redirect_uri?: string;
                        scopes?: string[];
                        algorithms?: string[];
                        email_claim?: string;
                        groups_claim?: string;
                        group_roles?: {
                            group: string;
                            role: string;
                        }[];
                        create_accounts?: boolean;
                        mfa_amr?: string[];
                        mfa_acr?: string[];
                        clock_skew_seconds?: number;
                        password_accounts?: string[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_sso_test: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                        steps: {
                            step: string;
                            ok: boolean;
                            detail: string;
                            remedy?: string;
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_scim_v2_Users: {
        parameters: {
            query?: {
                /** @description userName eq "email" */
                filter?: string;
                /** @description 1-based */
                startIndex?: number;
                /** @description at most 200 */
                count?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas: string[];
                        totalResults: number;
                        startIndex: number;
                        itemsPerPage: number;
                        Resources: {
                            schemas: string[];
                            id: string;
                            /** @description the account's email */
                            userName: string;
                            active: boolean;
                            displayName?: string;
                            /** @description formatted, givenName, familyName */
                            name?: {
                                [key: string]: unknown;
                            };
                            emails?: {
                                [key: string]: unknown;
                            }[];
                            groups?: {
                                [key: string]: unknown;
                            }[];
                            /** @description resourceType, created, lastModified, location */
                            meta?: {
                                [key: string]: unknown;
                            };
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_scim_v2_Users: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas: string[];
                        id: string;
                        /** @description the account's email */
                        userName: string;
                        active: boolean;
                        displayName?: string;
                        /** @description formatted, givenName, familyName */
                        name?: {
                            [key: string]: unknown;
                        };
                        emails?: {
                            [key: string]: unknown;
                        }[];
                        groups?: {
                            [key: string]: unknown;
                        }[];
                        /** @description resourceType, created, lastModified, location */
                        meta?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_scim_v2_Users__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description account id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas: string[];
                        id: string;
                        /** @description the account's email */
                        userName: string;
                        active: boolean;
                        displayName?: string;
                        /** @description formatted, givenName, familyName */
                        name?: {
                            [key: string]: unknown;
                        };
                        emails?: {
                            [key: string]: unknown;
                        }[];
                        groups?: {
                            [key: string]: unknown;
                        }[];
                        /** @description resourceType, created, lastModified, location */
                        meta?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PUT_scim_v2_Users__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description account id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas: string[];
                        id: string;
                        /** @description the account's email */
                        userName: string;
                        active: boolean;
                        displayName?: string;
                        /** @description formatted, givenName, familyName */
                        name?: {
                            [key: string]: unknown;
                        };
                        emails?: {
                            [key: string]: unknown;
                        }[];
                        groups?: {
                            [key: string]: unknown;
                        }[];
                        /** @description resourceType, created, lastModified, location */
                        meta?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    DELETE_scim_v2_Users__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description account id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PATCH_scim_v2_Users__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description account id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas: string[];
                        id: string;
                        /** @description the account's email */
                        userName: string;
                        active: boolean;
                        displayName?: string;
                        /** @description formatted, givenName, familyName */
                        name?: {
                            [key: string]: unknown;
                        };
                        emails?: {
                            [key: string]: unknown;
                        }[];
                        groups?: {
                            [key: string]: unknown;
                        }[];
                        /** @description resourceType, created, lastModified, location */
                        meta?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_scim_v2_Groups: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas: string[];
                        totalResults: number;
                        startIndex: number;
                        itemsPerPage: number;
                        Resources: {
                            schemas: string[];
                            id: string;
                            displayName: string;
                            members: {
                                [key: string]: unknown;
                            }[];
                            /** @description resourceType, location */
                            meta?: {
                                [key: string]: unknown;
                            };
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_scim_v2_Groups__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the group's name */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas: string[];
                        id: string;
                        displayName: string;
                        members: {
                            [key: string]: unknown;
                        }[];
                        /** @description resourceType, location */
                        meta?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PATCH_scim_v2_Groups__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the group's name */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_users__id__attestations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description user id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "background_check" | "hipaa_training" | "security_training" | "policy_acknowledgement" | "managed_device";
                    /**
                     * Format: date-time
                     * @description when the check, training, acknowledgement or attestation happened
                     */
                    completed_on: string;
                    /** @description where the record is kept (certificate id, vendor report, ...) */
                    evidence?: string;
                    /** @description managed_device only */
                    mdm_enrolled?: boolean;
                    /** @description managed_device only */
                    disk_encrypted?: boolean;
                    /** @description managed_device only */
                    endpoint_protection?: boolean;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_users__id__actions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description user id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    action: "activate" | "deactivate" | "change_role" | "reset_mfa" | "reset_password";
                    role?: string;
                    comment: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"] | {
                        user: components["schemas"]["User"];
                        initial_password: string;
                        note?: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_tokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            role: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            expires_at: string | null;
                            /** Format: date-time */
                            revoked_at: string | null;
                            user_id: string | null;
                            /** Format: date-time */
                            last_used_at: string | null;
                            scopes?: string[];
                            party_id?: string | null;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_tokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    role?: string;
                    /** Format: date-time */
                    expires_at?: string;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description shown once */
                        token: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    DELETE_api_v1_tokens__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description token id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        revoked: boolean;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_alerts__id__acknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description alert id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    comment: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Alert"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_integration_tokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description what uses it, e.g. "nightly scanner" */
                    name: string;
                    /** @description what it may do */
                    scopes: ("ledger:read" | "scans:write" | "sla_measurements:write" | "scim" | "metrics:read" | "connections:write")[];
                    /** @description the one party a party-bound scope acts for */
                    party_id?: string;
                    /**
                     * Format: date-time
                     * @description when it stops working
                     */
                    expires_at?: string;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description shown once */
                        token: string;
                        name: string;
                        scopes: string[];
                        party_id: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_entitlement_reviews__id__lines__line_id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description entitlement review id */
                id: string;
                /** @description line id (l1, l2, ...) */
                line_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description revoke ends the access at once
                     * @enum {string}
                     */
                    decision: "certify" | "revoke";
                    /** @description required to revoke */
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntitlementReview"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_reviews__id__actions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    action: "assign" | "document" | "approve" | "reject" | "request_info";
                    /** @description required to reject (what needs further review) and to request_info (what the party is asked for: its contacts read it) */
                    comment?: string;
                    /** @description for assign */
                    assignee_id?: string;
                    /** @description for document: the sections the kind requires */
                    documentation?: {
                        /** @description what was reviewed and the conclusion */
                        summary?: string;
                        /** @description SLA performance: uptime, response and resolution times */
                        sla_performance?: string;
                        /** @description security: incidents, security events, audit trails */
                        security_performance?: string;
                        /** @description compliance: certifications, SOC 2, BAA obligations */
                        compliance_performance?: string;
                        /** @description operational issues, failures and disruptions (TP-14) */
                        operational_issues?: string;
                        /** @description what the change affects (systems, data, services) */
                        impact?: string;
                        /** @description how the change is undone if it fails (TR-5) */
                        backout_plan?: string;
                        /**
                         * @description risk assessment outcome
                         * @enum {string}
                         */
                        risk_level?: "low" | "medium" | "high" | "critical";
                        /** @description the partner/subcontractor list is complete (TP-10) */
                        list_confirmed?: boolean;
                        /** @description contact information is up to date (TP-10) */
                        contacts_confirmed?: boolean;
                        /** @description SOC 2 reports reviewed (TP-11) */
                        soc2_report_ids?: string[];
                        /** @description ids of uploaded documents */
                        evidence?: string[];
                    };
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Review"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_reviews__id__responses: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the party's answer */
                    message: string;
                    /** @description documents the party uploaded (POST /api/v1/parties/{id}/documents) */
                    documents?: string[];
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Review"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_parties__party_id__requests: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description party */
                party_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            title: string;
                            review_kind: string;
                            status: string;
                            /** Format: date-time */
                            due_at: string;
                            party_requests: {
                                by: components["schemas"]["Actor"];
                                /** Format: date-time */
                                at: string;
                                message: string;
                            }[];
                            party_responses: {
                                by: components["schemas"]["Actor"];
                                /** Format: date-time */
                                at: string;
                                message: string;
                                documents?: string[];
                            }[];
                            awaiting_party?: boolean;
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_soc2_reports__id__actions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    action: "review";
                    /**
                     * Format: date-time
                     * @description when the report was reviewed (default now; not in the future)
                     */
                    reviewed_at?: string;
                    /** @description exceptions the auditor noted; each becomes a finding */
                    exceptions?: {
                        control: string;
                        description?: string;
                        /** @enum {string} */
                        severity?: "critical" | "high" | "medium" | "low";
                    }[];
                    /** @description complementary user entity controls, each with our owner */
                    user_entity_controls?: {
                        control: string;
                        owner_id: string;
                        in_place?: boolean;
                        /** @description the HIPAA specification it serves, e.g. 164.308(a)(1)(ii)(A) */
                        hipaa_citation?: string;
                    }[];
                    summary?: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Soc2Report"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_change_notices__id__actions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    action: "implemented" | "withdrawn";
                    /**
                     * Format: date-time
                     * @description when it happened (default now; not in the future)
                     */
                    at?: string;
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangeNotice"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_findings__id__actions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    action: "assign" | "resolve" | "accept_risk" | "approve_risk" | "decline_risk" | "reopen";
                    /** @description the resolution, why the risk may be accepted, why an acceptance is declined or why it reopens (required but to assign and approve_risk) */
                    comment?: string;
                    /** @description for assign */
                    owner_id?: string;
                    /** @description ids of uploaded documents proving the resolution */
                    evidence?: string[];
                    /**
                     * Format: date-time
                     * @description for accept_risk: when the acceptance ends and the finding reopens (within a year)
                     */
                    expires_at?: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Finding"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_dashboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        at: string;
                        reviews: {
                            by_kind: {
                                [key: string]: {
                                    open: number;
                                    due_next_30_days: number;
                                    overdue: number;
                                    done_on_time: number;
                                    done_late: number;
                                };
                            };
                            totals: {
                                open: number;
                                due_next_30_days: number;
                                overdue: number;
                                done_on_time: number;
                                done_late: number;
                            };
                        };
                        findings: {
                            open: number;
                            open_by_severity: {
                                [key: string]: number;
                            };
                            overdue: number;
                        };
                        agreements_expiring: {
                            id: string;
                            party_id: string;
                            party_name: string;
                            days_left: number;
                            type?: string;
                            status?: string;
                            /** Format: date-time */
                            expires_at?: string;
                            purpose?: string;
                            /** Format: date-time */
                            end_at?: string;
                        }[];
                        grants_ending: {
                            id: string;
                            party_id: string;
                            party_name: string;
                            days_left: number;
                            type?: string;
                            status?: string;
                            /** Format: date-time */
                            expires_at?: string;
                            purpose?: string;
                            /** Format: date-time */
                            end_at?: string;
                        }[];
                        reviews_by_quarter: {
                            quarter: string;
                            on_time: number;
                            late: number;
                        }[];
                        findings_by_month: {
                            month: string;
                            opened: number;
                            closed: number;
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_reports_sla_review: {
        parameters: {
            query: {
                /** @description e.g. 2026Q4 (calendar quarter, UTC) */
                quarter: string;
                /** @description json | csv | html */
                format?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        quarter: string;
                        /** Format: date-time */
                        from: string;
                        /** Format: date-time */
                        to: string;
                        /** Format: date-time */
                        generated_at: string;
                        summary: {
                            parties: number;
                            reviews_required: number;
                            on_time: number;
                            late: number;
                            missed: number;
                            pending: number;
                            findings_opened: number;
                            findings_closed: number;
                        };
                        organisation_reviews: {
                            id: string;
                            review_kind: string;
                            status: string;
                            /** Format: date-time */
                            due_at: string;
                            /** Format: date-time */
                            approved_at: string | null;
                            /** @enum {string} */
                            outcome?: "on_time" | "late" | "missed" | "pending";
                        }[];
                        parties: {
                            party_id: string;
                            name: string;
                            kind: string;
                            status: string;
                            reviews: {
                                id: string;
                                review_kind: string;
                                status: string;
                                /** Format: date-time */
                                due_at: string;
                                /** Format: date-time */
                                approved_at: string | null;
                                /** @enum {string} */
                                outcome?: "on_time" | "late" | "missed" | "pending";
                            }[];
                            findings_opened: number;
                            findings_closed: number;
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_outbox: {
        parameters: {
            query?: {
                /** @description queued | sent | failed */
                status?: string;
                /** @description about this object */
                ref_id?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            channel: string;
                            user_id: string | null;
                            recipient: string;
                            subject: string;
                            body: string;
                            ref_kind: string | null;
                            ref_id: string | null;
                            /** @enum {string} */
                            status: "queued" | "sent" | "failed" | "refused";
                            attempts: number;
                            last_error: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            sent_at: string | null;
                            confidential: boolean;
                            /** @enum {string|null} */
                            delivery_status: "sent" | "delivered" | "failed" | null;
                            provider_error: string | null;
                            /** Format: date-time */
                            next_attempt_at?: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_calendar_tokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            revoked_at: string | null;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_calendar_tokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @description shown once */
                        token: string;
                        /** @description the feed's address */
                        path: string;
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    DELETE_api_v1_calendar_tokens__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description calendar token id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        revoked: boolean;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_calendar__file_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description {token}.ics */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_calendar: {
        parameters: {
            query?: {
                /** @description YYYY-MM-DD or RFC 3339 (default: a month ago) */
                from?: string;
                /** @description exclusive (default: 400 days ahead; at most 800 days after from) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        from: string;
                        /** Format: date-time */
                        to: string;
                        items: {
                            uid: string;
                            kind: string;
                            title: string;
                            /** Format: date-time */
                            at: string;
                            date: string;
                            all_day: boolean;
                            link: string;
                            status: string;
                            party_id: string | null;
                            detail: string;
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_calendar_ics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_change_requests__id__actions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    action: "record_tests" | "review" | "approve" | "release" | "verify" | "back_out" | "reject" | "withdraw";
                    comment?: string;
                    /**
                     * @description record_tests: the lower environment the change was tested in
                     * @enum {string}
                     */
                    environment?: "staging" | "development";
                    /** @description record_tests: the staging or development system tested on */
                    system_id?: string;
                    /** @description record_tests: what was tested and the result */
                    summary?: string;
                    document_ids?: string[];
                    /** @description release: the version, tag or commit released */
                    reference?: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangeRequest"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PUT_api_v1_users__id__forge_logins: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the account's GitHub login (empty or null: none) */
                    github?: string;
                    /** @description the account's GitLab username (empty or null: none) */
                    gitlab?: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_hooks_github: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "attached" | "ignored" | "pong";
                        change_request_id?: string;
                        counted?: boolean;
                        /** @description why it was ignored or did not count as the peer review */
                        reason?: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_hooks_gitlab: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "attached" | "ignored" | "pong";
                        change_request_id?: string;
                        counted?: boolean;
                        /** @description why it was ignored or did not count as the peer review */
                        reason?: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_forge_hooks__forge__secret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description github or gitlab */
                forge: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        forge: "github" | "gitlab";
                        /** @description shown once: enter it in the forge's webhook settings */
                        secret: string;
                        path: string;
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_trust: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_trust_subprocessors: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_trust_subprocessors_atom: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/atom+xml": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_public_trust: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organisation: string;
                        certifications: {
                            name: string;
                            framework: string;
                            issuer: string;
                            /** Format: date-time */
                            valid_from: string;
                            /** Format: date-time */
                            valid_until: string;
                            scope?: string;
                        }[];
                        commitments: {
                            /** @enum {string} */
                            key: "no_sale_or_sharing" | "no_advertising_use" | "ai_zero_data_retention" | "no_model_training" | "other";
                            statement: string;
                            /** @enum {string} */
                            applies_to: "organisation" | "all_subprocessors" | "ai_providers";
                            /** Format: date-time */
                            since: string;
                            evidence: {
                                /** @enum {string} */
                                kind: "document" | "certification" | "agreement_clause";
                                /** @description the certification's name */
                                name: string | null;
                                /** @description e.g. the clause */
                                note: string | null;
                            } | null;
                        }[];
                        data_privacy_framework: {
                            frameworks: ("eu_us" | "uk_extension" | "swiss_us")[];
                            /** @enum {string} */
                            status: "active" | "inactive" | "withdrawn";
                            /** Format: date-time */
                            last_recertified_at: string;
                            /** Format: date-time */
                            recertification_due: string;
                            listing_url: string | null;
                        } | null;
                        subprocessors: {
                            name: string;
                            purpose: string | null;
                            location: string | null;
                            commitments: ("no_sale_or_sharing" | "no_advertising_use" | "ai_zero_data_retention" | "no_model_training" | "dpf_participation")[];
                            /** Format: date-time */
                            planned_from?: string;
                        }[];
                        planned: {
                            name: string;
                            purpose: string | null;
                            location: string | null;
                            commitments: ("no_sale_or_sharing" | "no_advertising_use" | "ai_zero_data_retention" | "no_model_training" | "dpf_participation")[];
                            /** Format: date-time */
                            planned_from?: string;
                        }[];
                        /** Format: date-time */
                        generated_at: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_public_subprocessors: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organisation: string;
                        items: {
                            name: string;
                            purpose: string | null;
                            location: string | null;
                            commitments: ("no_sale_or_sharing" | "no_advertising_use" | "ai_zero_data_retention" | "no_model_training" | "dpf_participation")[];
                            /** Format: date-time */
                            planned_from?: string;
                        }[];
                        planned: {
                            name: string;
                            purpose: string | null;
                            location: string | null;
                            commitments: ("no_sale_or_sharing" | "no_advertising_use" | "ai_zero_data_retention" | "no_model_training" | "dpf_participation")[];
                            /** Format: date-time */
                            planned_from?: string;
                        }[];
                        /** Format: date-time */
                        generated_at: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET__well_known_security_txt: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_trust_request: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_trust_request: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_public_report_requests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description full name */
                    name: string;
                    /**
                     * Format: email
                     * @description where the NDA and the download link are sent
                     */
                    email: string;
                    organisation: string;
                    /** @enum {string} */
                    report_type: "soc2_type2" | "soc2_type1" | "iso27001" | "hitrust" | "penetration_test" | "inheritance_matrix" | "other";
                    /**
                     * Format: date-time
                     * @description YYYY-MM-DD or RFC 3339
                     */
                    needed_by?: string;
                    message?: string;
                };
            };
        };
        responses: {
            /** @description success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                        message: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_report_requests__id__actions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description report request id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    action: "link" | "send_nda" | "approve" | "reject" | "cancel" | "reissue";
                    /** @description link: the customer or partner */
                    party_id?: string;
                    /** @description approve: the report to deliver */
                    document_id?: string;
                    /** @description approve, reissue: how long the link works (default 7) */
                    expires_in_days?: number;
                    /** @description approve, reissue: how many downloads the link allows (default 3) */
                    max_downloads?: number;
                    /**
                     * @description approve an inheritance matrix: the file's format (default html)
                     * @enum {string}
                     */
                    format?: "html" | "csv";
                    /** @description required to reject or cancel: the reason */
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportRequest"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_nda__token_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the personal link's secret (256 bits) */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_nda__token_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the personal link's secret (256 bits) */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_downloads__token_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the personal link's secret (256 bits) */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_downloads__token_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the personal link's secret (256 bits) */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_trust_subscribe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_public_subscriptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    /**
                     * @description subprocessors (the list's changes) or status (the status page's)
                     * @enum {string}
                     */
                    topics?: "subprocessors" | "status";
                };
            };
        };
        responses: {
            /** @description success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                        message: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_trust_subscriptions__token_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the personal link's secret (256 bits) */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_trust_subscriptions__token_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the personal link's secret (256 bits) */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_customer_questionnaires__id__trust_link: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description questionnaire id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the customer's contact the link is emailed to */
                    contact_id: string;
                    /** @description how long the link works (default 14) */
                    expires_in_days?: number;
                    /** @description how many downloads the link allows (default 5) */
                    max_downloads?: number;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportRequest"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_agreements__id__renew: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the agreement to renew */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description when the renewed agreement takes effect
                     */
                    effective_at: string;
                    /**
                     * Format: date-time
                     * @description when it ends (after effective_at)
                     */
                    expires_at?: string;
                    /**
                     * @description draft (default), sent for signature, or executed (signed already)
                     * @enum {string}
                     */
                    status?: "draft" | "sent" | "executed";
                    /** @description who signed for the third party */
                    signed_by?: string;
                    /** @description default: the renewed one's title */
                    title?: string;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_my_work: {
        parameters: {
            query?: {
                /** @description items per group, 0-100 (default 20); 0 answers the counts only */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        at: string;
                        total: number;
                        groups: {
                            kind: string;
                            title: string;
                            count: number;
                            items: {
                                /** @enum {string} */
                                kind: "review_to_document" | "review_to_approve" | "grant_to_approve" | "report_request" | "vendor_answer" | "change_notice" | "soc2_to_review" | "finding" | "entitlement_line" | "vendor_incident" | "change_request" | "breach_notice";
                                id: string;
                                title: string;
                                detail: string;
                                party_id: string | null;
                                party_name: string | null;
                                /** Format: date-time */
                                due_at: string | null;
                                /** Format: date-time */
                                at: string | null;
                                overdue: boolean;
                                /** @description the portal path (under /app) where the work is done; null while the portal has no screen for it */
                                href: string | null;
                                /** @description entitlement_line: the line of the campaign `id` */
                                line_id?: string;
                            }[];
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_my_work_read: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    items: {
                        /** @enum {string} */
                        kind: "vendor_answer" | "change_notice";
                        /** @description the review (vendor_answer) or change notice */
                        id: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        marked: number;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_account_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        daily_digest: boolean;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PATCH_api_v1_account_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    daily_digest?: boolean;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        daily_digest: boolean;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_red_flags: {
        parameters: {
            query?: {
                /** @description items per group, 1-100 (default 10) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        at: string;
                        total: number;
                        groups: {
                            kind: string;
                            title: string;
                            count: number;
                            items: {
                                /** @enum {string} */
                                kind: "agreement_missing" | "soc2_missing" | "review_overdue" | "finding_overdue" | "grant_outlives_agreement" | "commitment_missing";
                                /** @description what is wrong: the party (agreements, SOC 2, commitments), review, finding or grant */
                                id: string;
                                title: string;
                                detail: string;
                                party_id: string | null;
                                party_name: string | null;
                                /** @description the lapsed agreement, to renew */
                                agreement_id: string | null;
                                /** Format: date-time */
                                since: string | null;
                                days: number | null;
                                /** @description the portal path (under /app) where it is fixed */
                                href: string | null;
                            }[];
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_hooks_twilio_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_hooks_twilio_inbound: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_outbox_delivery_rates: {
        parameters: {
            query?: {
                /** @description 1-90 days back, today included (default 30) */
                days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        since: string;
                        channels: {
                            email?: {
                                /** @description YYYY-MM-DD (UTC) */
                                day: string;
                                delivered: number;
                                failed: number;
                                pending: number;
                                rate: number | null;
                            }[];
                            sms?: {
                                /** @description YYYY-MM-DD (UTC) */
                                day: string;
                                delivered: number;
                                failed: number;
                                pending: number;
                                rate: number | null;
                            }[];
                            voice?: {
                                /** @description YYYY-MM-DD (UTC) */
                                day: string;
                                delivered: number;
                                failed: number;
                                pending: number;
                                rate: number | null;
                            }[];
                        };
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_outbox__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description msg_… */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        channel: string;
                        user_id: string | null;
                        recipient: string;
                        subject: string;
                        body: string;
                        ref_kind: string | null;
                        ref_id: string | null;
                        /** @enum {string} */
                        status: "queued" | "sent" | "failed";
                        attempts: number;
                        last_error: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        sent_at: string | null;
                        confidential: boolean;
                        /** @enum {string|null} */
                        delivery_status: "sent" | "delivered" | "failed" | null;
                        provider_error: string | null;
                        history: {
                            /** @enum {string} */
                            status: "queued" | "retrying" | "sent" | "delivered" | "failed";
                            /** Format: date-time */
                            at: string;
                            /** @description the provider's id or error, or why it failed */
                            detail: string;
                        }[];
                        /** Format: date-time */
                        next_attempt_at?: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_account_notifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description E.164, e.g. +14155550123 */
                        phone: string | null;
                        channels: {
                            reminders: ("email" | "sms" | "voice")[];
                            alerts: ("email" | "sms" | "voice")[];
                            digest: ("email" | "sms" | "voice")[];
                        };
                        available: ("email" | "sms" | "voice")[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PATCH_api_v1_account_notifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description E.164 */
                    phone?: string | null;
                    channels?: {
                        reminders?: ("email" | "sms" | "voice")[];
                        alerts?: ("email" | "sms" | "voice")[];
                        digest?: ("email" | "sms" | "voice")[];
                    };
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description E.164, e.g. +14155550123 */
                        phone: string | null;
                        channels: {
                            reminders: ("email" | "sms" | "voice")[];
                            alerts: ("email" | "sms" | "voice")[];
                            digest: ("email" | "sms" | "voice")[];
                        };
                        available: ("email" | "sms" | "voice")[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_account_notifications_test: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    channel: "email" | "sms" | "voice";
                };
            };
        };
        responses: {
            /** @description success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        channel: "email" | "sms" | "voice";
                        /** @enum {string} */
                        status: "queued";
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_secure_messages: {
        parameters: {
            query?: {
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            direction: "sent" | "received";
                            sender: {
                                id: string;
                                name: string;
                            };
                            recipient: string;
                            recipient_has_account: boolean;
                            /** @description shown to its sender and recipient while it can be opened */
                            subject: string | null;
                            /** @enum {string} */
                            status: "unread" | "read" | "retracted" | "expired";
                            attachments: number;
                            size: number;
                            in_reply_to: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            expires_at: string;
                            /** Format: date-time */
                            read_at: string | null;
                            /** Format: date-time */
                            retracted_at: string | null;
                            events?: {
                                ledger_index: number;
                                type: string;
                                /** Format: date-time */
                                at: string;
                            }[];
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_secure_messages: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description sealed at rest; never sent on a channel */
                    subject: string;
                    /** @description sealed at rest; never sent on a channel */
                    body: string;
                    /** @description the recipient's email address (not for a reply) */
                    recipient?: string;
                    /** @description E.164: the one-time code goes by SMS when it can */
                    recipient_phone?: string;
                    attachments?: {
                        filename: string;
                        content_base64: string;
                        content_type?: string;
                    }[];
                    expires_in_days?: number;
                    /** @description the id of the message this answers */
                    in_reply_to?: string;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        direction: "sent" | "received";
                        sender: {
                            id: string;
                            name: string;
                        };
                        recipient: string;
                        recipient_has_account: boolean;
                        /** @description shown to its sender and recipient while it can be opened */
                        subject: string | null;
                        /** @enum {string} */
                        status: "unread" | "read" | "retracted" | "expired";
                        attachments: number;
                        size: number;
                        in_reply_to: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        expires_at: string;
                        /** Format: date-time */
                        read_at: string | null;
                        /** Format: date-time */
                        retracted_at: string | null;
                        events?: {
                            ledger_index: number;
                            type: string;
                            /** Format: date-time */
                            at: string;
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_secure_messages__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        direction: "sent" | "received";
                        sender: {
                            id: string;
                            name: string;
                        };
                        recipient: string;
                        recipient_has_account: boolean;
                        /** @description shown to its sender and recipient while it can be opened */
                        subject: string | null;
                        /** @enum {string} */
                        status: "unread" | "read" | "retracted" | "expired";
                        attachments: number;
                        size: number;
                        in_reply_to: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        expires_at: string;
                        /** Format: date-time */
                        read_at: string | null;
                        /** Format: date-time */
                        retracted_at: string | null;
                        events?: {
                            ledger_index: number;
                            type: string;
                            /** Format: date-time */
                            at: string;
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_secure_messages__id__open: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        subject: string;
                        body: string;
                        sender_name: string;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        expires_at: string;
                        attachments: {
                            index: number;
                            filename: string;
                            content_type: string;
                            size: number;
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_secure_messages__id__attachments__index_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
                /** @description the attachment's index, from 0 */
                index: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_secure_messages__id__retract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        direction: "sent" | "received";
                        sender: {
                            id: string;
                            name: string;
                        };
                        recipient: string;
                        recipient_has_account: boolean;
                        /** @description shown to its sender and recipient while it can be opened */
                        subject: string | null;
                        /** @enum {string} */
                        status: "unread" | "read" | "retracted" | "expired";
                        attachments: number;
                        size: number;
                        in_reply_to: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        expires_at: string;
                        /** Format: date-time */
                        read_at: string | null;
                        /** Format: date-time */
                        retracted_at: string | null;
                        events?: {
                            ledger_index: number;
                            type: string;
                            /** Format: date-time */
                            at: string;
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_secure__token_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the personal link's secret (256 bits) */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_secure__token__code: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the personal link's secret (256 bits) */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_secure__token__open: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the personal link's secret (256 bits) */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_secure__token__attachments__index_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the personal link's secret (256 bits) */
                token: string;
                /** @description the attachment's index, from 0 */
                index: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_secure__token__reply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the personal link's secret (256 bits) */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v2_summary_json: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        page: {
                            id: string;
                            name: string;
                            url: string;
                            time_zone: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                        components: {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            position: number;
                            description: string | null;
                            showcase: boolean;
                            start_date: string | null;
                            group_id: string | null;
                            page_id: string;
                            group: boolean;
                            only_show_if_degraded: boolean;
                            components?: string[];
                        }[];
                        incidents: {
                            id: string;
                            name: string;
                            status: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            monitoring_at: string | null;
                            /** Format: date-time */
                            resolved_at: string | null;
                            /** @enum {string} */
                            impact: "none" | "minor" | "major" | "critical" | "maintenance";
                            shortlink: string;
                            /** Format: date-time */
                            started_at: string;
                            page_id: string;
                            incident_updates: {
                                id: string;
                                status: string;
                                body: string;
                                incident_id: string;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                /** Format: date-time */
                                display_at: string;
                                affected_components: {
                                    code: string;
                                    name: string;
                                    /** @enum {string} */
                                    old_status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                                    /** @enum {string} */
                                    new_status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                                }[] | null;
                                deliver_notifications: boolean;
                                custom_tweet: string | null;
                                tweet_id: string | null;
                            }[];
                            components: {
                                id: string;
                                name: string;
                                /** @enum {string} */
                                status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                position: number;
                                description: string | null;
                                showcase: boolean;
                                start_date: string | null;
                                group_id: string | null;
                                page_id: string;
                                group: boolean;
                                only_show_if_degraded: boolean;
                                components?: string[];
                            }[];
                            reminder_intervals: string | null;
                            /** Format: date-time */
                            scheduled_for?: string;
                            /** Format: date-time */
                            scheduled_until?: string;
                        }[];
                        scheduled_maintenances: {
                            id: string;
                            name: string;
                            status: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            monitoring_at: string | null;
                            /** Format: date-time */
                            resolved_at: string | null;
                            /** @enum {string} */
                            impact: "none" | "minor" | "major" | "critical" | "maintenance";
                            shortlink: string;
                            /** Format: date-time */
                            started_at: string;
                            page_id: string;
                            incident_updates: {
                                id: string;
                                status: string;
                                body: string;
                                incident_id: string;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                /** Format: date-time */
                                display_at: string;
                                affected_components: {
                                    code: string;
                                    name: string;
                                    /** @enum {string} */
                                    old_status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                                    /** @enum {string} */
                                    new_status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                                }[] | null;
                                deliver_notifications: boolean;
                                custom_tweet: string | null;
                                tweet_id: string | null;
                            }[];
                            components: {
                                id: string;
                                name: string;
                                /** @enum {string} */
                                status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                position: number;
                                description: string | null;
                                showcase: boolean;
                                start_date: string | null;
                                group_id: string | null;
                                page_id: string;
                                group: boolean;
                                only_show_if_degraded: boolean;
                                components?: string[];
                            }[];
                            reminder_intervals: string | null;
                            /** Format: date-time */
                            scheduled_for?: string;
                            /** Format: date-time */
                            scheduled_until?: string;
                        }[];
                        status: {
                            /** @enum {string} */
                            indicator: "none" | "minor" | "major" | "critical" | "maintenance";
                            description: string;
                        };
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v2_status_json: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        page: {
                            id: string;
                            name: string;
                            url: string;
                            time_zone: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                        status: {
                            /** @enum {string} */
                            indicator: "none" | "minor" | "major" | "critical" | "maintenance";
                            description: string;
                        };
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v2_components_json: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        page: {
                            id: string;
                            name: string;
                            url: string;
                            time_zone: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                        components: {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            position: number;
                            description: string | null;
                            showcase: boolean;
                            start_date: string | null;
                            group_id: string | null;
                            page_id: string;
                            group: boolean;
                            only_show_if_degraded: boolean;
                            components?: string[];
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v2_incidents_json: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        page: {
                            id: string;
                            name: string;
                            url: string;
                            time_zone: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                        incidents: {
                            id: string;
                            name: string;
                            status: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            monitoring_at: string | null;
                            /** Format: date-time */
                            resolved_at: string | null;
                            /** @enum {string} */
                            impact: "none" | "minor" | "major" | "critical" | "maintenance";
                            shortlink: string;
                            /** Format: date-time */
                            started_at: string;
                            page_id: string;
                            incident_updates: {
                                id: string;
                                status: string;
                                body: string;
                                incident_id: string;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                /** Format: date-time */
                                display_at: string;
                                affected_components: {
                                    code: string;
                                    name: string;
                                    /** @enum {string} */
                                    old_status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                                    /** @enum {string} */
                                    new_status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                                }[] | null;
                                deliver_notifications: boolean;
                                custom_tweet: string | null;
                                tweet_id: string | null;
                            }[];
                            components: {
                                id: string;
                                name: string;
                                /** @enum {string} */
                                status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                position: number;
                                description: string | null;
                                showcase: boolean;
                                start_date: string | null;
                                group_id: string | null;
                                page_id: string;
                                group: boolean;
                                only_show_if_degraded: boolean;
                                components?: string[];
                            }[];
                            reminder_intervals: string | null;
                            /** Format: date-time */
                            scheduled_for?: string;
                            /** Format: date-time */
                            scheduled_until?: string;
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v2_incidents_unresolved_json: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        page: {
                            id: string;
                            name: string;
                            url: string;
                            time_zone: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                        incidents: {
                            id: string;
                            name: string;
                            status: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            monitoring_at: string | null;
                            /** Format: date-time */
                            resolved_at: string | null;
                            /** @enum {string} */
                            impact: "none" | "minor" | "major" | "critical" | "maintenance";
                            shortlink: string;
                            /** Format: date-time */
                            started_at: string;
                            page_id: string;
                            incident_updates: {
                                id: string;
                                status: string;
                                body: string;
                                incident_id: string;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                /** Format: date-time */
                                display_at: string;
                                affected_components: {
                                    code: string;
                                    name: string;
                                    /** @enum {string} */
                                    old_status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                                    /** @enum {string} */
                                    new_status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                                }[] | null;
                                deliver_notifications: boolean;
                                custom_tweet: string | null;
                                tweet_id: string | null;
                            }[];
                            components: {
                                id: string;
                                name: string;
                                /** @enum {string} */
                                status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                position: number;
                                description: string | null;
                                showcase: boolean;
                                start_date: string | null;
                                group_id: string | null;
                                page_id: string;
                                group: boolean;
                                only_show_if_degraded: boolean;
                                components?: string[];
                            }[];
                            reminder_intervals: string | null;
                            /** Format: date-time */
                            scheduled_for?: string;
                            /** Format: date-time */
                            scheduled_until?: string;
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v2_scheduled_maintenances_json: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        page: {
                            id: string;
                            name: string;
                            url: string;
                            time_zone: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                        scheduled_maintenances: {
                            id: string;
                            name: string;
                            status: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            monitoring_at: string | null;
                            /** Format: date-time */
                            resolved_at: string | null;
                            /** @enum {string} */
                            impact: "none" | "minor" | "major" | "critical" | "maintenance";
                            shortlink: string;
                            /** Format: date-time */
                            started_at: string;
                            page_id: string;
                            incident_updates: {
                                id: string;
                                status: string;
                                body: string;
                                incident_id: string;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                /** Format: date-time */
                                display_at: string;
                                affected_components: {
                                    code: string;
                                    name: string;
                                    /** @enum {string} */
                                    old_status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                                    /** @enum {string} */
                                    new_status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                                }[] | null;
                                deliver_notifications: boolean;
                                custom_tweet: string | null;
                                tweet_id: string | null;
                            }[];
                            components: {
                                id: string;
                                name: string;
                                /** @enum {string} */
                                status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                position: number;
                                description: string | null;
                                showcase: boolean;
                                start_date: string | null;
                                group_id: string | null;
                                page_id: string;
                                group: boolean;
                                only_show_if_degraded: boolean;
                                components?: string[];
                            }[];
                            reminder_intervals: string | null;
                            /** Format: date-time */
                            scheduled_for?: string;
                            /** Format: date-time */
                            scheduled_until?: string;
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v2_scheduled_maintenances_upcoming_json: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        page: {
                            id: string;
                            name: string;
                            url: string;
                            time_zone: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                        scheduled_maintenances: {
                            id: string;
                            name: string;
                            status: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            monitoring_at: string | null;
                            /** Format: date-time */
                            resolved_at: string | null;
                            /** @enum {string} */
                            impact: "none" | "minor" | "major" | "critical" | "maintenance";
                            shortlink: string;
                            /** Format: date-time */
                            started_at: string;
                            page_id: string;
                            incident_updates: {
                                id: string;
                                status: string;
                                body: string;
                                incident_id: string;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                /** Format: date-time */
                                display_at: string;
                                affected_components: {
                                    code: string;
                                    name: string;
                                    /** @enum {string} */
                                    old_status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                                    /** @enum {string} */
                                    new_status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                                }[] | null;
                                deliver_notifications: boolean;
                                custom_tweet: string | null;
                                tweet_id: string | null;
                            }[];
                            components: {
                                id: string;
                                name: string;
                                /** @enum {string} */
                                status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                position: number;
                                description: string | null;
                                showcase: boolean;
                                start_date: string | null;
                                group_id: string | null;
                                page_id: string;
                                group: boolean;
                                only_show_if_degraded: boolean;
                                components?: string[];
                            }[];
                            reminder_intervals: string | null;
                            /** Format: date-time */
                            scheduled_for?: string;
                            /** Format: date-time */
                            scheduled_until?: string;
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v2_scheduled_maintenances_active_json: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        page: {
                            id: string;
                            name: string;
                            url: string;
                            time_zone: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                        scheduled_maintenances: {
                            id: string;
                            name: string;
                            status: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            monitoring_at: string | null;
                            /** Format: date-time */
                            resolved_at: string | null;
                            /** @enum {string} */
                            impact: "none" | "minor" | "major" | "critical" | "maintenance";
                            shortlink: string;
                            /** Format: date-time */
                            started_at: string;
                            page_id: string;
                            incident_updates: {
                                id: string;
                                status: string;
                                body: string;
                                incident_id: string;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                /** Format: date-time */
                                display_at: string;
                                affected_components: {
                                    code: string;
                                    name: string;
                                    /** @enum {string} */
                                    old_status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                                    /** @enum {string} */
                                    new_status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                                }[] | null;
                                deliver_notifications: boolean;
                                custom_tweet: string | null;
                                tweet_id: string | null;
                            }[];
                            components: {
                                id: string;
                                name: string;
                                /** @enum {string} */
                                status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                position: number;
                                description: string | null;
                                showcase: boolean;
                                start_date: string | null;
                                group_id: string | null;
                                page_id: string;
                                group: boolean;
                                only_show_if_degraded: boolean;
                                components?: string[];
                            }[];
                            reminder_intervals: string | null;
                            /** Format: date-time */
                            scheduled_for?: string;
                            /** Format: date-time */
                            scheduled_until?: string;
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_status_components: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            group: string;
                            position: number;
                            description: string;
                            probe: {
                                /** @enum {string} */
                                kind: "http" | "tcp" | "none";
                                target: string;
                                expected_status: number;
                                body_match: string;
                                timeout_ms: number;
                                interval_s: number;
                                cert_min_days: number;
                            };
                            /** @enum {string} */
                            status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                            /** Format: date-time */
                            status_since: string;
                            failures: number;
                            last_error: string;
                            /** Format: date-time */
                            cert_expires_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            attainment?: {
                                /** @description 2026-12 or 2026-Q4 */
                                period: string;
                                uptime_percent: number;
                                target_percent: number;
                                met: boolean;
                                up_minutes: number;
                                sampled_minutes: number;
                            }[];
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_status_components: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @description the group it is shown under */
                    group?: string;
                    position?: number;
                    description?: string;
                    /** @description how it is checked: an HTTP(S) request or a TCP connection */
                    probe?: {
                        /** @enum {string} */
                        kind?: "http" | "tcp" | "none";
                        target?: string;
                        expected_status?: number;
                        body_match?: string;
                        timeout_ms?: number;
                        interval_s?: number;
                        cert_min_days?: number;
                    };
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        group: string;
                        position: number;
                        description: string;
                        probe: {
                            /** @enum {string} */
                            kind: "http" | "tcp" | "none";
                            target: string;
                            expected_status: number;
                            body_match: string;
                            timeout_ms: number;
                            interval_s: number;
                            cert_min_days: number;
                        };
                        /** @enum {string} */
                        status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                        /** Format: date-time */
                        status_since: string;
                        failures: number;
                        last_error: string;
                        /** Format: date-time */
                        cert_expires_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PUT_api_v1_status_components__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description status component id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @description the group it is shown under */
                    group?: string;
                    position?: number;
                    description?: string;
                    /** @description how it is checked: an HTTP(S) request or a TCP connection */
                    probe?: {
                        /** @enum {string} */
                        kind?: "http" | "tcp" | "none";
                        target?: string;
                        expected_status?: number;
                        body_match?: string;
                        timeout_ms?: number;
                        interval_s?: number;
                        cert_min_days?: number;
                    };
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        group: string;
                        position: number;
                        description: string;
                        probe: {
                            /** @enum {string} */
                            kind: "http" | "tcp" | "none";
                            target: string;
                            expected_status: number;
                            body_match: string;
                            timeout_ms: number;
                            interval_s: number;
                            cert_min_days: number;
                        };
                        /** @enum {string} */
                        status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                        /** Format: date-time */
                        status_since: string;
                        failures: number;
                        last_error: string;
                        /** Format: date-time */
                        cert_expires_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    DELETE_api_v1_status_components__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description status component id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        deleted: boolean;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_status_components__id__status: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description status component id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                    reason: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        group: string;
                        position: number;
                        description: string;
                        probe: {
                            /** @enum {string} */
                            kind: "http" | "tcp" | "none";
                            target: string;
                            expected_status: number;
                            body_match: string;
                            timeout_ms: number;
                            interval_s: number;
                            cert_min_days: number;
                        };
                        /** @enum {string} */
                        status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                        /** Format: date-time */
                        status_since: string;
                        failures: number;
                        last_error: string;
                        /** Format: date-time */
                        cert_expires_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_status_components__id__uptime: {
        parameters: {
            query?: {
                /** @description how many days back, 1 to 366 */
                days?: number;
            };
            header?: never;
            path: {
                /** @description status component id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        component_id: string;
                        name: string;
                        days: {
                            /** @description YYYY-MM-DD */
                            day: string;
                            up_minutes: number;
                            sampled_minutes: number;
                            uptime_percent: number;
                        }[];
                        attainment: {
                            /** @description 2026-12 or 2026-Q4 */
                            period: string;
                            uptime_percent: number;
                            target_percent: number;
                            met: boolean;
                            up_minutes: number;
                            sampled_minutes: number;
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_status_maintenances: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            body: string;
                            component_ids: string[];
                            /** Format: date-time */
                            scheduled_for: string;
                            /** Format: date-time */
                            scheduled_until: string;
                            /** Format: date-time */
                            created_at: string;
                            /** @enum {string} */
                            status: "scheduled" | "in_progress" | "completed";
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_status_maintenances: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    body?: string;
                    component_ids?: string[];
                    /** Format: date-time */
                    scheduled_for: string;
                    /** Format: date-time */
                    scheduled_until: string;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        body: string;
                        component_ids: string[];
                        /** Format: date-time */
                        scheduled_for: string;
                        /** Format: date-time */
                        scheduled_until: string;
                        /** Format: date-time */
                        created_at: string;
                        /** @enum {string} */
                        status: "scheduled" | "in_progress" | "completed";
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PUT_api_v1_parties__id__status_feed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description party id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description its Statuspage v2 summary, e.g. https://status.example.com/api/v2/summary.json */
                    url: string;
                    /** @description the vendor's components we depend on (none: all) */
                    component_ids?: string[];
                    interval_s?: number;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        party_id: string;
                        url: string;
                        component_ids: string[];
                        interval_s: number;
                        /** Format: date-time */
                        last_polled_at: string | null;
                        /** Format: date-time */
                        last_ok_at: string | null;
                        last_error: string;
                        indicator: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_parties__id__sla: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description party id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        party_id: string;
                        terms: {
                            uptime_percent: number | null;
                            response_hours: number | null;
                            resolution_hours: number | null;
                        } | null;
                        feed: {
                            party_id: string;
                            url: string;
                            component_ids: string[];
                            interval_s: number;
                            /** Format: date-time */
                            last_polled_at: string | null;
                            /** Format: date-time */
                            last_ok_at: string | null;
                            last_error: string;
                            indicator: string;
                        } | null;
                        periods: {
                            /** @description 2026-12 or 2026-Q4 */
                            period: string;
                            complete: boolean;
                            uptime_percent: number | null;
                            worst_response_hours: number | null;
                            worst_resolution_hours: number | null;
                            met: {
                                uptime: boolean | null;
                                response: boolean | null;
                                resolution: boolean | null;
                            };
                        }[];
                        incidents: {
                            id: string;
                            name: string;
                            impact: string;
                            status: string;
                            created_at: string;
                            /** @description '' until an assessment opens one */
                            finding_id: string;
                            /** @description the vendor incident it opened ('' before those) */
                            vendor_incident_id: string;
                            /** @enum {string|null} */
                            assessment_status: "open" | "assessed" | null;
                            /** @enum {string|null} */
                            our_impact: "none" | "degraded" | "phi_involved" | null;
                        }[];
                        daily: {
                            /** @description YYYY-MM-DD */
                            day: string;
                            uptime_percent: number;
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_parties__id__sla_measurements: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description party id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    items: {
                        /** @enum {string} */
                        metric: "uptime_percent" | "response_hours" | "resolution_hours";
                        /** Format: date-time */
                        at: string;
                        value: number;
                        ref?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        recorded: number;
                        findings_opened: number;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_vendor_incidents__id__assess: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description what the vendor's incident meant for us: none, our service degraded, or PHI involved
                     * @enum {string}
                     */
                    impact: "none" | "degraded" | "phi_involved";
                    /** @description why, in a few words */
                    note?: string;
                    /** @description open a finding to follow it up (default: yes unless the impact is none) */
                    open_finding?: boolean;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorIncident"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_reports_vendor_sla: {
        parameters: {
            query: {
                /** @description e.g. 2026Q4 (calendar quarter, UTC) */
                quarter: string;
                /** @description json | csv */
                format?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description 2026Q4 */
                        quarter: string;
                        /** Format: date-time */
                        from: string;
                        /** Format: date-time */
                        to: string;
                        complete: boolean;
                        /** Format: date-time */
                        at: string;
                        parties: {
                            party_id: string;
                            name: string;
                            terms: {
                                uptime_percent: number | null;
                                response_hours: number | null;
                                resolution_hours: number | null;
                            };
                            attainment: {
                                period: string;
                                complete: boolean;
                                uptime_percent: number | null;
                                worst_response_hours: number | null;
                                worst_resolution_hours: number | null;
                                met: {
                                    uptime: boolean | null;
                                    response: boolean | null;
                                    resolution: boolean | null;
                                };
                            };
                            breaches: {
                                /** @description 2026-Q4, or a month: 2026-11 */
                                period: string;
                                /** @enum {string} */
                                term: "uptime" | "response" | "resolution";
                                finding_id: string;
                                title: string | null;
                                severity: string | null;
                                status: string | null;
                                /** Format: date-time */
                                due_at: string | null;
                            }[];
                            vendor_incidents: {
                                /** @description the vendor incident ('' before they were objects) */
                                id: string | null;
                                /** @description the vendor's own id */
                                incident_id: string;
                                name: string;
                                vendor_impact: string;
                                vendor_status: string;
                                started_at: string;
                                /** @enum {string|null} */
                                assessment_status: "open" | "assessed" | null;
                                /** @enum {string|null} */
                                our_impact: "none" | "degraded" | "phi_involved" | null;
                                finding_id: string | null;
                            }[];
                        }[];
                        summary: {
                            parties: number;
                            terms_met: number;
                            terms_missed: number;
                            terms_unmeasured: number;
                            breaches: number;
                            vendor_incidents: number;
                        };
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_scans: {
        parameters: {
            query?: {
                /** @description only this target's scans */
                target_id?: string;
                /** @description at most this many, 1-500 (default 50) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            format: "sarif" | "trivy" | "cyclonedx";
                            tool: string;
                            tool_version: string;
                            target_id: string | null;
                            target: string | null;
                            system_id: string | null;
                            file_name: string | null;
                            /** Format: date-time */
                            imported_at: string;
                            /** Format: date-time */
                            scanned_at: string;
                            imported_by: components["schemas"]["Actor"];
                            results: number;
                            counts: {
                                opened: number;
                                reopened: number;
                                resolved: number;
                                unchanged: number;
                                not_affected: number;
                            };
                            vex?: {
                                vulnerability_id: string;
                                package: string;
                                state: string;
                                justification: string;
                                detail: string;
                            }[];
                            /** @enum {string} */
                            scanned_at_source?: "file" | "upload" | "given";
                            /** @description e.g. CreatedAt */
                            scanned_at_field?: string | null;
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_scans: {
        parameters: {
            query: {
                /** @description sarif | trivy | cyclonedx */
                format: string;
                /** @description the image, repository or host scanned, when the file does not name it (or to name it otherwise) */
                target?: string;
                /** @description the system the target belongs to */
                system_id?: string;
                /** @description the file's name, for the record */
                filename?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        format: "sarif" | "trivy" | "cyclonedx";
                        tool: string;
                        tool_version: string;
                        target_id: string | null;
                        target: string | null;
                        system_id: string | null;
                        file_name: string | null;
                        /** Format: date-time */
                        imported_at: string;
                        /** Format: date-time */
                        scanned_at: string;
                        imported_by: components["schemas"]["Actor"];
                        results: number;
                        counts: {
                            opened: number;
                            reopened: number;
                            resolved: number;
                            unchanged: number;
                            not_affected: number;
                        };
                        vex?: {
                            vulnerability_id: string;
                            package: string;
                            state: string;
                            justification: string;
                            detail: string;
                        }[];
                        findings?: {
                            id: string;
                            title: string;
                            severity: string;
                            status: string;
                            /** Format: date-time */
                            due_at: string;
                            overdue: boolean;
                        }[];
                        ledger_index?: number;
                        target_new?: boolean;
                        /** @enum {string} */
                        scanned_at_source?: "file" | "upload" | "given";
                        /** @description e.g. CreatedAt */
                        scanned_at_field?: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_scans__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description scan id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        format: "sarif" | "trivy" | "cyclonedx";
                        tool: string;
                        tool_version: string;
                        target_id: string | null;
                        target: string | null;
                        system_id: string | null;
                        file_name: string | null;
                        /** Format: date-time */
                        imported_at: string;
                        /** Format: date-time */
                        scanned_at: string;
                        imported_by: components["schemas"]["Actor"];
                        results: number;
                        counts: {
                            opened: number;
                            reopened: number;
                            resolved: number;
                            unchanged: number;
                            not_affected: number;
                        };
                        vex?: {
                            vulnerability_id: string;
                            package: string;
                            state: string;
                            justification: string;
                            detail: string;
                        }[];
                        findings?: {
                            id: string;
                            title: string;
                            severity: string;
                            status: string;
                            /** Format: date-time */
                            due_at: string;
                            overdue: boolean;
                        }[];
                        ledger_index?: number;
                        target_new?: boolean;
                        /** @enum {string} */
                        scanned_at_source?: "file" | "upload" | "given";
                        /** @description e.g. CreatedAt */
                        scanned_at_field?: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_scan_targets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            target_kind: string;
                            system_id: string | null;
                            system_name: string | null;
                            /** Format: date-time */
                            first_seen_at: string;
                            /** Format: date-time */
                            last_scan_at: string | null;
                            last_scan_id: string | null;
                            /** Format: date-time */
                            next_scan_due_at: string;
                            scan_overdue: boolean;
                            open_findings: {
                                critical?: number;
                                high?: number;
                                medium?: number;
                                low?: number;
                                overdue?: number;
                            };
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_scan_targets__id__system: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description target id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    system_id: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        system_id: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_compliance_controls: {
        parameters: {
            query?: {
                /** @description hipaa or accord (default both) */
                framework?: string;
                /** @description a past ledger size: the answer then, with the profile then in force */
                as_of?: number;
                /** @description one party's view: its agreements, reviews and findings only */
                party_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description controls by status */
                        counts: {
                            [key: string]: unknown;
                        };
                        items: {
                            /** @description a HIPAA citation or an Accord control id */
                            id: string;
                            /** @enum {string} */
                            framework: "hipaa" | "accord";
                            kind: string;
                            title: string;
                            /** @description Required, Addressable or empty */
                            requirement: string;
                            safeguard: string;
                            /** @description a specification's standard, or empty */
                            parent: string;
                            /** @enum {string} */
                            status: "operating" | "failing" | "documented" | "inherited" | "not_mapped" | "not_applicable";
                            summary: string;
                            evidence_ok: number;
                            evidence_failing: number;
                            implemented_by: {
                                /** @description rule:<access rule id> or workflow:<name> */
                                source: string;
                                title: string;
                                /** @enum {string} */
                                evidence: "live" | "enforced" | "procedure";
                                ok: number;
                                failing: number;
                            }[];
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_compliance_controls__control_id_: {
        parameters: {
            query?: {
                /** @description evidence items per source, 1-500 (default 50) */
                limit?: number;
                /** @description a past ledger size: the answer then, with the profile then in force */
                as_of?: number;
                /** @description one party's view: its agreements, reviews and findings only */
                party_id?: string;
            };
            header?: never;
            path: {
                /** @description a HIPAA citation such as 164.308(b)(1), or TP-11 */
                control_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description a HIPAA citation or an Accord control id */
                        id: string;
                        /** @enum {string} */
                        framework: "hipaa" | "accord";
                        kind: string;
                        title: string;
                        /** @description Required, Addressable or empty */
                        requirement: string;
                        safeguard: string;
                        /** @description a specification's standard, or empty */
                        parent: string;
                        /** @enum {string} */
                        status: "operating" | "failing" | "documented" | "inherited" | "not_mapped" | "not_applicable";
                        summary: string;
                        evidence_ok: number;
                        evidence_failing: number;
                        implemented_by: {
                            /** @description rule:<access rule id> or workflow:<name> */
                            source: string;
                            title: string;
                            /** @enum {string} */
                            evidence: "live" | "enforced" | "procedure";
                            ok: number;
                            failing: number;
                            items: {
                                /** @description party, agreement, soc2_report, review, finding, checkpoint or ledger_entry */
                                kind: string;
                                id: string;
                                title: string;
                                ok: boolean;
                                detail: string;
                                party_id: string | null;
                                party_name: string | null;
                                ledger_index: number | null;
                                /** @description the portal path (under /app) */
                                href: string | null;
                            }[];
                        }[];
                        description: string;
                        applicable: boolean;
                        /** @enum {string} */
                        customer_inherits: "yes" | "partially" | "no";
                        /** @enum {string} */
                        host_provides: "yes" | "partially" | "no";
                        customer_responsibility: string;
                        specifications: string[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_compliance_matrix: {
        parameters: {
            query?: {
                /** @description a past ledger size: the answer then, with the profile then in force */
                as_of?: number;
                /** @description one party's view: its agreements, reviews and findings only */
                party_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        as_of: number | null;
                        size: number;
                        /** Format: date-time */
                        at: string;
                        organisation: string;
                        party: {
                            id: string;
                            name: string;
                            kind: string;
                        } | null;
                        baa: {
                            id: string;
                            title: string;
                            /** @description empty when it has no end */
                            expires_at: string;
                            ledger_index: number;
                        } | null;
                        hosts: {
                            party_id: string;
                            party_name: string;
                        }[];
                        rows: {
                            control: string;
                            title: string;
                            kind: string;
                            requirement: string;
                            safeguard: string;
                            /** @enum {string} */
                            inherited: "yes" | "partially" | "no";
                            /** @description what stays with the customer */
                            responsibility: string;
                            /** @enum {string} */
                            source: "catalog" | "profile" | "baa";
                            /** @enum {string} */
                            status: "operating" | "failing" | "documented" | "inherited" | "not_mapped" | "not_applicable";
                            host: {
                                /** @enum {string} */
                                inherited: "yes" | "partially" | "no";
                                providers: {
                                    party_id: string;
                                    party_name: string;
                                    controls: string[];
                                }[];
                            };
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_compliance_matrix_csv: {
        parameters: {
            query?: {
                /** @description a past ledger size: the answer then, with the profile then in force */
                as_of?: number;
                /** @description one party's view: its agreements, reviews and findings only */
                party_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_compliance_matrix_html: {
        parameters: {
            query?: {
                /** @description a past ledger size: the answer then, with the profile then in force */
                as_of?: number;
                /** @description one party's view: its agreements, reviews and findings only */
                party_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_compliance_oscal_ssp: {
        parameters: {
            query?: {
                /** @description a past ledger size: the answer then, with the profile then in force */
                as_of?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        "system-security-plan": {
                            uuid: string;
                            /** @description OSCAL metadata */
                            metadata: {
                                [key: string]: unknown;
                            };
                            /** @description the HIPAA Security Rule */
                            "import-profile": {
                                [key: string]: unknown;
                            };
                            /** @description the service */
                            "system-characteristics": {
                                [key: string]: unknown;
                            };
                            /** @description its users and component */
                            "system-implementation": {
                                [key: string]: unknown;
                            };
                            "control-implementation": {
                                description: string;
                                "implemented-requirements": {
                                    [key: string]: unknown;
                                }[];
                            };
                        };
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_compliance_oscal_component_definition: {
        parameters: {
            query?: {
                /** @description a past ledger size: the answer then, with the profile then in force */
                as_of?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        "component-definition": {
                            uuid: string;
                            /** @description OSCAL metadata */
                            metadata: {
                                [key: string]: unknown;
                            };
                            components: {
                                [key: string]: unknown;
                            }[];
                        };
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_compliance_oscal_catalog: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        catalog: {
                            uuid: string;
                            /** @description OSCAL metadata */
                            metadata: {
                                [key: string]: unknown;
                            };
                            groups: {
                                [key: string]: unknown;
                            }[];
                            /** @description the regulation's source */
                            "back-matter": {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_answer_library: {
        parameters: {
            query?: {
                /** @description draft | approved | retired */
                status?: string;
                /** @description words the question or the answer holds */
                q?: string;
                /** @description at most this many, 1-5000 (default 500) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            question: string;
                            answer: string;
                            evidence: {
                                /** @enum {string} */
                                kind: "document" | "certification" | "control";
                                id: string;
                                note: string;
                                title: string;
                                /** Format: date-time */
                                added_at?: string;
                                added_by?: components["schemas"]["Actor"];
                            }[];
                            owner_id: string;
                            /** @enum {string} */
                            status: "draft" | "approved" | "retired";
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            created_by: components["schemas"]["Actor"];
                            /** Format: date-time */
                            updated_at: string;
                            updated_by: components["schemas"]["Actor"];
                            /** Format: date-time */
                            approved_at: string | null;
                            approved_by: components["schemas"]["Actor"] | null;
                            allowed_actions: ("revise" | "approve" | "retire")[];
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_answer_library: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the question as we ask it of ourselves */
                    question: string;
                    /** @description our approved wording */
                    answer: string;
                    evidence?: {
                        /** @enum {string} */
                        kind: "document" | "certification" | "control";
                        id: string;
                        note?: string;
                    }[];
                    /** @description the account that keeps the answer true */
                    owner_id?: string;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        question: string;
                        answer: string;
                        evidence: {
                            /** @enum {string} */
                            kind: "document" | "certification" | "control";
                            id: string;
                            note: string;
                            title: string;
                            /** Format: date-time */
                            added_at?: string;
                            added_by?: components["schemas"]["Actor"];
                        }[];
                        owner_id: string;
                        /** @enum {string} */
                        status: "draft" | "approved" | "retired";
                        version: number;
                        /** Format: date-time */
                        created_at: string;
                        created_by: components["schemas"]["Actor"];
                        /** Format: date-time */
                        updated_at: string;
                        updated_by: components["schemas"]["Actor"];
                        /** Format: date-time */
                        approved_at: string | null;
                        approved_by: components["schemas"]["Actor"] | null;
                        allowed_actions: ("revise" | "approve" | "retire")[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_answer_library__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description answer id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        question: string;
                        answer: string;
                        evidence: {
                            /** @enum {string} */
                            kind: "document" | "certification" | "control";
                            id: string;
                            note: string;
                            title: string;
                            /** Format: date-time */
                            added_at?: string;
                            added_by?: components["schemas"]["Actor"];
                        }[];
                        owner_id: string;
                        /** @enum {string} */
                        status: "draft" | "approved" | "retired";
                        version: number;
                        /** Format: date-time */
                        created_at: string;
                        created_by: components["schemas"]["Actor"];
                        /** Format: date-time */
                        updated_at: string;
                        updated_by: components["schemas"]["Actor"];
                        /** Format: date-time */
                        approved_at: string | null;
                        approved_by: components["schemas"]["Actor"] | null;
                        allowed_actions: ("revise" | "approve" | "retire")[];
                        versions?: {
                            id: string;
                            question: string;
                            answer: string;
                            status: string;
                            version: number;
                            ledger_index: number;
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_answer_library__id__actions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description answer id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    action: "revise" | "approve" | "retire";
                    question?: string;
                    answer?: string;
                    evidence?: {
                        /** @enum {string} */
                        kind: "document" | "certification" | "control";
                        id: string;
                        note?: string;
                    }[];
                    owner_id?: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        question: string;
                        answer: string;
                        evidence: {
                            /** @enum {string} */
                            kind: "document" | "certification" | "control";
                            id: string;
                            note: string;
                            title: string;
                            /** Format: date-time */
                            added_at?: string;
                            added_by?: components["schemas"]["Actor"];
                        }[];
                        owner_id: string;
                        /** @enum {string} */
                        status: "draft" | "approved" | "retired";
                        version: number;
                        /** Format: date-time */
                        created_at: string;
                        created_by: components["schemas"]["Actor"];
                        /** Format: date-time */
                        updated_at: string;
                        updated_by: components["schemas"]["Actor"];
                        /** Format: date-time */
                        approved_at: string | null;
                        approved_by: components["schemas"]["Actor"] | null;
                        allowed_actions: ("revise" | "approve" | "retire")[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_answer_library__id__evidence: {
        parameters: {
            query: {
                /** @description the file's name, for display */
                filename: string;
                /** @description the id of the linked record the file replaces (default: add) */
                replace?: string;
                /** @description what the file shows (at most 500 characters) */
                note?: string;
            };
            header?: never;
            path: {
                /** @description answer id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        question: string;
                        answer: string;
                        evidence: {
                            /** @enum {string} */
                            kind: "document" | "certification" | "control";
                            id: string;
                            note: string;
                            title: string;
                            /** Format: date-time */
                            added_at?: string;
                            added_by?: components["schemas"]["Actor"];
                        }[];
                        owner_id: string;
                        /** @enum {string} */
                        status: "draft" | "approved" | "retired";
                        version: number;
                        /** Format: date-time */
                        created_at: string;
                        created_by: components["schemas"]["Actor"];
                        /** Format: date-time */
                        updated_at: string;
                        updated_by: components["schemas"]["Actor"];
                        /** Format: date-time */
                        approved_at: string | null;
                        approved_by: components["schemas"]["Actor"] | null;
                        allowed_actions: ("revise" | "approve" | "retire")[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_customer_questionnaires: {
        parameters: {
            query?: {
                /** @description only this customer's */
                party_id?: string;
                /** @description at most this many, 1-500 (default 50) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            party_id: string;
                            party_name: string;
                            name: string;
                            /** @enum {string} */
                            status: "open" | "completed" | "shared";
                            header: string[];
                            question_column: string;
                            answer_column: string;
                            rows: number;
                            questions: number;
                            answered: number;
                            library_size: number;
                            file_sha256: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            shared_at: string | null;
                            nda_in_force: boolean;
                            allowed_actions: ("answer" | "complete" | "reopen" | "share" | "unshare")[];
                            created_by?: components["schemas"]["Actor"];
                            updated_by?: components["schemas"]["Actor"];
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_customer_questionnaires: {
        parameters: {
            query: {
                /** @description the customer */
                party_id: string;
                /** @description what the customer calls it */
                name: string;
                /** @description the header of the questions' column */
                question_column?: string;
                /** @description the header of the column to fill */
                answer_column?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        party_id: string;
                        party_name: string;
                        name: string;
                        /** @enum {string} */
                        status: "open" | "completed" | "shared";
                        header: string[];
                        question_column: string;
                        answer_column: string;
                        rows: number;
                        questions: number;
                        answered: number;
                        library_size: number;
                        file_sha256: string;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        shared_at: string | null;
                        nda_in_force: boolean;
                        allowed_actions: ("answer" | "complete" | "reopen" | "share" | "unshare")[];
                        created_by?: components["schemas"]["Actor"];
                        updated_by?: components["schemas"]["Actor"];
                        items: {
                            row: number;
                            line: number;
                            cells: string[];
                            question: string;
                            answer: string | null;
                            suggestions?: {
                                answer_id: string;
                                version: number;
                                question: string;
                                score: number;
                            }[];
                            answer_id?: string | null;
                            answer_version?: number | null;
                            edited?: boolean;
                            /** Format: date-time */
                            answered_at?: string | null;
                            answered_by?: components["schemas"]["Actor"] | null;
                        }[];
                        trust_links?: {
                            request_id: string;
                            name: string;
                            email: string;
                            status: string;
                            /** Format: date-time */
                            sent_at: string;
                            downloads: number;
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_customer_questionnaires__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description questionnaire id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        party_id: string;
                        party_name: string;
                        name: string;
                        /** @enum {string} */
                        status: "open" | "completed" | "shared";
                        header: string[];
                        question_column: string;
                        answer_column: string;
                        rows: number;
                        questions: number;
                        answered: number;
                        library_size: number;
                        file_sha256: string;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        shared_at: string | null;
                        nda_in_force: boolean;
                        allowed_actions: ("answer" | "complete" | "reopen" | "share" | "unshare")[];
                        created_by?: components["schemas"]["Actor"];
                        updated_by?: components["schemas"]["Actor"];
                        items: {
                            row: number;
                            line: number;
                            cells: string[];
                            question: string;
                            answer: string | null;
                            suggestions?: {
                                answer_id: string;
                                version: number;
                                question: string;
                                score: number;
                            }[];
                            answer_id?: string | null;
                            answer_version?: number | null;
                            edited?: boolean;
                            /** Format: date-time */
                            answered_at?: string | null;
                            answered_by?: components["schemas"]["Actor"] | null;
                        }[];
                        trust_links?: {
                            request_id: string;
                            name: string;
                            email: string;
                            status: string;
                            /** Format: date-time */
                            sent_at: string;
                            downloads: number;
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_customer_questionnaires__id__actions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description questionnaire id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    action: "answer" | "complete" | "reopen" | "share" | "unshare";
                    answers?: {
                        row: number;
                        answer_id?: string;
                        answer?: string;
                    }[];
                    accept_suggestions?: number;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        party_id: string;
                        party_name: string;
                        name: string;
                        /** @enum {string} */
                        status: "open" | "completed" | "shared";
                        header: string[];
                        question_column: string;
                        answer_column: string;
                        rows: number;
                        questions: number;
                        answered: number;
                        library_size: number;
                        file_sha256: string;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        shared_at: string | null;
                        nda_in_force: boolean;
                        allowed_actions: ("answer" | "complete" | "reopen" | "share" | "unshare")[];
                        created_by?: components["schemas"]["Actor"];
                        updated_by?: components["schemas"]["Actor"];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_customer_questionnaires__id__export_csv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description questionnaire id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_customer_questionnaires__id__download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description questionnaire id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_incidents: {
        parameters: {
            query?: {
                /** @description open | resolved | a state (investigating … postmortem) */
                status?: string;
                /** @description at most this many, 1-500 (default 50) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Incident"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_incidents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    description?: string;
                    /**
                     * @description how bad it is for us: critical, high, medium, low
                     * @enum {string}
                     */
                    severity: "critical" | "high" | "medium" | "low";
                    /**
                     * @description the public page's word for it (Statuspage); default from the severity
                     * @enum {string}
                     */
                    impact?: "none" | "minor" | "major" | "critical";
                    /** @enum {string} */
                    category?: "security" | "privacy" | "availability" | "integrity" | "other";
                    /** @description status components it touches */
                    component_ids?: string[];
                    system_ids?: string[];
                    /** @description vendors and customers involved; their contacts see its public updates */
                    party_ids?: string[];
                    /** Format: date-time */
                    discovered_at: string;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Incident"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_incidents__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Incident"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_incidents__id__classify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description how bad it is for us: critical, high, medium, low
                     * @enum {string}
                     */
                    severity?: "critical" | "high" | "medium" | "low";
                    /**
                     * @description the public page's word for it (Statuspage); default from the severity
                     * @enum {string}
                     */
                    impact?: "none" | "minor" | "major" | "critical";
                    /** @enum {string} */
                    category?: "security" | "privacy" | "availability" | "integrity" | "other";
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Incident"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_incidents__id__updates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                    /**
                     * @description public updates appear on the status page and to the parties involved
                     * @enum {string}
                     */
                    visibility: "internal" | "public";
                    /**
                     * @description the incident's new state (default: unchanged)
                     * @enum {string}
                     */
                    status?: "investigating" | "identified" | "monitoring";
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Incident"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_incidents__id__resolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                    /** @enum {string} */
                    visibility: "internal" | "public";
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Incident"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_incidents__id__postmortem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    root_cause: string;
                    lessons: string;
                    /** @description each becomes a finding, owned and due as given */
                    action_items?: {
                        title: string;
                        owner_id: string;
                        /** Format: date-time */
                        due_at: string;
                        /**
                         * @description how bad it is for us: critical, high, medium, low
                         * @enum {string}
                         */
                        severity?: "critical" | "high" | "medium" | "low";
                    }[];
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Incident"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_incident_response_tests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description irt_… */
                            id: string;
                            /** Format: date-time */
                            conducted_on: string;
                            scenario: string;
                            participants: string[];
                            outcome: string;
                            lessons: string;
                            recorded_by: components["schemas"]["Actor"];
                            /** Format: date-time */
                            created_at: string;
                        }[];
                        /** Format: date-time */
                        next_due_on: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_incident_response_tests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    conducted_on: string;
                    scenario: string;
                    /** @description who took part, as people name them */
                    participants: string[];
                    outcome: string;
                    lessons?: string;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description irt_… */
                        id: string;
                        /** Format: date-time */
                        conducted_on: string;
                        scenario: string;
                        participants: string[];
                        outcome: string;
                        lessons: string;
                        recorded_by: components["schemas"]["Actor"];
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_questionnaire_templates: {
        parameters: {
            query?: {
                /** @description name prefix */
                q?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["QuestionnaireTemplate"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_questionnaire_templates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                    sections: {
                        title: string;
                        questions: {
                            /** @description unique in the template: letters, digits, - _ . */
                            id: string;
                            text: string;
                            /** @enum {string} */
                            type: "yes_no" | "choice" | "text" | "date" | "file";
                            choices?: string[];
                            required?: boolean;
                            help?: string;
                            /** @description asked only when an earlier question has this answer */
                            show_if?: {
                                question?: string;
                                equals?: string;
                            };
                            /** @description HIPAA citations such as 164.312(a)(2)(iv) */
                            citations?: string[];
                            /** @description the profile's rules it evidences, such as TP-2 */
                            rules?: string[];
                            /** @description scoring weight (default 1; 0 = not scored) */
                            weight?: number;
                            /** @description answers that fail the questionnaire on their own */
                            knockout?: string[];
                        }[];
                    }[];
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionnaireTemplate"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_questionnaire_templates_import: {
        parameters: {
            query: {
                /** @description the template's name */
                name: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionnaireTemplate"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_questionnaire_templates_hipaa_vendor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionnaireTemplate"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_questionnaire_templates__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionnaireTemplate"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PUT_api_v1_questionnaire_templates__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                    sections: {
                        title: string;
                        questions: {
                            /** @description unique in the template: letters, digits, - _ . */
                            id: string;
                            text: string;
                            /** @enum {string} */
                            type: "yes_no" | "choice" | "text" | "date" | "file";
                            choices?: string[];
                            required?: boolean;
                            help?: string;
                            /** @description asked only when an earlier question has this answer */
                            show_if?: {
                                question?: string;
                                equals?: string;
                            };
                            /** @description HIPAA citations such as 164.312(a)(2)(iv) */
                            citations?: string[];
                            /** @description the profile's rules it evidences, such as TP-2 */
                            rules?: string[];
                            /** @description scoring weight (default 1; 0 = not scored) */
                            weight?: number;
                            /** @description answers that fail the questionnaire on their own */
                            knockout?: string[];
                        }[];
                    }[];
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionnaireTemplate"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_questionnaire_templates__id__csv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_parties__party_id__questionnaires: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description party */
                party_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    template_id: string;
                    /** @description the party's contact who answers (emailed) */
                    contact_id: string;
                    /** Format: date-time */
                    due_at: string;
                    title?: string;
                    /** @description pre-fill with the party's last accepted answers to this template */
                    prefill?: boolean;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Questionnaire"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_questionnaires: {
        parameters: {
            query?: {
                /** @description one party's */
                party_id?: string;
                /** @description sent, submitted, follow_up, accepted or rejected */
                status?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Questionnaire"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_questionnaires__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Questionnaire"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PUT_api_v1_questionnaires__id__answers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description answers to save; an empty value without documents clears one */
                    answers?: {
                        question: string;
                        value?: string;
                        document_ids?: string[];
                        note?: string;
                    }[];
                    /** @description replies to the officer's follow-up questions */
                    replies?: {
                        question: string;
                        text: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Questionnaire"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_questionnaires__id__actions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    action: "submit" | "review" | "ask" | "accept" | "reject" | "apply_tier";
                    /** @description review: the officer's verdict per answer */
                    verdicts?: {
                        question: string;
                        /** @enum {string} */
                        verdict: "ok" | "concern" | "unacceptable";
                        note?: string;
                    }[];
                    /** @description ask: follow-up questions, each on one question */
                    questions?: {
                        question: string;
                        text: string;
                    }[];
                    note?: string;
                    /** @enum {string} */
                    tier?: "low" | "medium" | "high";
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Questionnaire"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_breach_covered_entities: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            party_id: string;
                            party_name: string;
                            agreement_id: string;
                            /** @enum {string} */
                            agreement_status: "executed" | "expired" | "terminated";
                            breach_notice_hours: number | null;
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_breach_notices_due: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["BreachNotice"][];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_incidents__id__breach_assessment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assessment: components["schemas"]["BreachAssessment"];
                        notices: components["schemas"]["BreachNotice"][];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_incidents__id__breach_assessment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description first day the breach was known (164.410(a)(2)); default: the incident's
                     */
                    discovered_at?: string;
                    /**
                     * Format: date-time
                     * @description when the breach happened, if known
                     */
                    occurred_at?: string;
                    /** @description the four factors of 164.402 (Breach)(2) */
                    factors: {
                        /** @description Nature and extent of the PHI involved (164.402 (Breach)(2)(i)) */
                        nature_and_extent?: {
                            /** @enum {string} */
                            risk?: "low" | "medium" | "high";
                            /** @description the reasoning */
                            notes?: string;
                        };
                        /** @description The unauthorised person (164.402 (Breach)(2)(ii)) */
                        unauthorized_person?: {
                            /** @enum {string} */
                            risk?: "low" | "medium" | "high";
                            /** @description the reasoning */
                            notes?: string;
                        };
                        /** @description Whether the PHI was actually acquired or viewed (164.402 (Breach)(2)(iii)) */
                        acquired_or_viewed?: {
                            /** @enum {string} */
                            risk?: "low" | "medium" | "high";
                            /** @description the reasoning */
                            notes?: string;
                        };
                        /** @description How far the risk has been mitigated (164.402 (Breach)(2)(iv)) */
                        mitigation?: {
                            /** @enum {string} */
                            risk?: "low" | "medium" | "high";
                            /** @description the reasoning */
                            notes?: string;
                        };
                    };
                    /**
                     * @description an exclusion of 164.402 (Breach)(1)(i)-(iii); none by default
                     * @enum {string}
                     */
                    exclusion?: "none" | "good_faith_workforce_use" | "inadvertent_authorized_disclosure" | "unable_to_retain";
                    /** @description encrypted or destroyed per HHS guidance */
                    phi_secured?: boolean;
                    /** @description 164.404(c)(1)(A) */
                    what_happened: string;
                    /** @description types of PHI involved, 164.404(c)(1)(B) */
                    phi_types: string;
                    /** @description 164.404(c)(1)(C); required for a breach */
                    individual_steps?: string;
                    /** @description 164.404(c)(1)(D); required for a breach */
                    our_response?: string;
                    /** @description 164.404(c)(1)(E); required for a breach */
                    contact?: string;
                    /** @description how many individuals (the list goes by Secure Message) */
                    individuals?: number;
                    /** @description the affected covered entities: customer parties with a BAA; required for a breach */
                    customer_ids?: string[];
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assessment: components["schemas"]["BreachAssessment"];
                        notices: components["schemas"]["BreachNotice"][];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_breach_assessments__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assessment: components["schemas"]["BreachAssessment"];
                        notices: components["schemas"]["BreachNotice"][];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_breach_assessments__id__law_enforcement_delay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description a written statement (164.412(a)) or an oral one (164.412(b)) */
                    written: boolean;
                    /**
                     * Format: date-time
                     * @description when the official made the statement
                     */
                    stated_at: string;
                    /** @description the period stated; an oral statement delays at most 30 days */
                    days: number;
                    /** @description the official's name and agency */
                    official: string;
                    /** @description the statement, or our record of an oral one */
                    document_id: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assessment: components["schemas"]["BreachAssessment"];
                        notices: components["schemas"]["BreachNotice"][];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_breach_notices__id__actions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description send (email the notice now) | record_sent (sent another way) | link_list (the Secure Message carrying the list of individuals)
                     * @enum {string}
                     */
                    action: "send" | "record_sent" | "link_list";
                    /**
                     * Format: email
                     * @description send: the covered entity's privacy contact
                     */
                    recipient?: string;
                    /**
                     * Format: date-time
                     * @description record_sent: when (default now)
                     */
                    sent_at?: string;
                    /** @description record_sent: letter, phone, portal, ... */
                    method?: string;
                    note?: string;
                    /** @description link_list: the Secure Message */
                    secure_message_id?: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BreachNotice"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_colleagues: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            email: string;
                            you: boolean;
                        }[];
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_questionnaires__id__assignments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the section's position in the questionnaire, from 0 */
                    section: number;
                    /** @description a contact account of the same party; null takes the assignment back */
                    user_id?: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Questionnaire"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_account_requests: {
        parameters: {
            query?: {
                /** @description one party's */
                party_id?: string;
                /** @description pending, approved or declined */
                status?: string;
                /** @description 1-500, default 50 */
                limit?: number;
                /** @description from next_cursor */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AccountRequest"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_account_requests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** Format: email */
                    email: string;
                    /** @description why the colleague needs an account (what they will answer) */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountRequest"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_account_requests__id_: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountRequest"];
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    POST_api_v1_account_requests__id__actions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    action: "approve" | "decline";
                    /** @description decline: why (required; emailed to the requester) */
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        request: components["schemas"]["AccountRequest"];
                        user?: components["schemas"]["User"];
                        initial_password?: string;
                        note?: string;
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GET_api_v1_openapi_json: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        openapi: string;
                        /** @description title, version */
                        info: {
                            [key: string]: unknown;
                        };
                        /** @description every operation */
                        paths: {
                            [key: string]: unknown;
                        };
                        /** @description named schemas */
                        components: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description client error: {error: {code, message, details: [{field, reason}]}} */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server error */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
