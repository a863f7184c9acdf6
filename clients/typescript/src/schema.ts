// Generated from openapi/openapi.json by scripts/generate.mjs: do not edit.
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Healthz
         * @description The process is up; never looks at a dependency.
         */
        get: operations["health-healthz"];
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
        /**
         * Metrics
         * @description Prometheus text format, summed over every worker; needs no key.
         */
        get: operations["health-metrics"];
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
        /**
         * Readyz
         * @description Ready when the database answers; the cache is reported, never required.
         */
        get: operations["health-readyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Audit Entries
         * @description Who read or erased which customer's data, newest first.
         */
        get: operations["audit-list_audit_entries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create Check
         * @description Checkout or admin keys. A well-formed check with a good key is answered before it
         *     reaches this route (`app/checks/fast_route.py`); this route answers the rest, with the
         *     errors every route gives, and documents the operation.
         */
        post: operations["checks-create_check"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/checks/{check_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Check */
        get: operations["checks-get_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/checks/{check_id}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record Feedback */
        post: operations["checks-record_feedback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{customer_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Erase Customer
         * @description Erase everything held about the customer; the audit keeps only that it happened.
         */
        delete: operations["customers-erase_customer"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{customer_id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get History
         * @description One timeline of everything the customer did and was told, newest first.
         */
        get: operations["support-get_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{customer_id}/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Preferences */
        get: operations["customers-get_preferences"];
        /** Replace Preferences */
        put: operations["customers-replace_preferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{customer_id}/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Profile
         * @description What the customer owns, returned and subscribes to, their preferences, and counts.
         */
        get: operations["support-get_profile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Keys */
        get: operations["keys-list_keys"];
        put?: never;
        /** Create Key */
        post: operations["keys-create_key"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{key_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke Key */
        delete: operations["keys-revoke_key"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create Order */
        post: operations["orders-create_order"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{order_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Order */
        get: operations["orders-get_order"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{order_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel Order */
        post: operations["orders-cancel_order"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{order_id}/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record Return */
        post: operations["orders-record_return"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import Orders */
        post: operations["orders-import_orders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Product */
        get: operations["catalog-get_product"];
        /** Upsert Product */
        put: operations["catalog-upsert_product"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upsert Products Batch */
        post: operations["catalog-upsert_products_batch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/warnings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Warning Stats */
        get: operations["checks-warning_stats"];
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
        /** ActiveSubscription */
        ActiveSubscription: {
            /**
             * Ends At
             * Format: date-time
             */
            ends_at: string;
            /** Sku */
            sku: string;
            /**
             * Started At
             * Format: date-time
             * @description The purchase that keeps it running.
             */
            started_at: string;
            /** Title */
            title: string;
        };
        /** AuditEntryOut */
        AuditEntryOut: {
            /**
             * Action
             * @description `read_profile`, `read_history`, `read_order`, `read_preferences`, `read_check` or `erase_customer`.
             */
            action: string;
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Customer Id */
            customer_id: string | null;
            /** Id */
            id: number;
            /** Key Id */
            key_id: string;
            /** Key Name */
            key_name: string;
            /**
             * Path
             * @description The path read; after an erasure, only its route template.
             */
            path: string;
            role: components["schemas"]["Role"];
        };
        /** AuditPage */
        AuditPage: {
            /** Items */
            items: components["schemas"]["AuditEntryOut"][];
            /** Next Cursor */
            next_cursor: string | null;
        };
        /** BatchLineError */
        BatchLineError: {
            /** Detail */
            detail: string;
            /** Line */
            line: number;
        };
        /** CacheState */
        CacheState: {
            /** Backend */
            backend: string;
            /** Status */
            status: string;
        };
        /** CancellationEvent */
        CancellationEvent: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Order Id */
            order_id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "cancellation";
        };
        /** CancelRequest */
        CancelRequest: {
            /**
             * Cancelled At
             * @description Defaults to now.
             */
            cancelled_at?: string | null;
        };
        /** CheckEvent */
        CheckEvent: {
            /**
             * At
             * Format: date-time
             * @description When the check was answered.
             */
            at: string;
            /** Check Id */
            check_id: string;
            /** Degraded */
            degraded: boolean;
            /** Items */
            items: components["schemas"]["CheckItem"][];
            /**
             * Order Id
             * @description The order that named this check, if any.
             */
            order_id?: string | null;
            /** Outcomes */
            outcomes?: components["schemas"]["CheckOutcome"][];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "check";
            verdict: components["schemas"]["Verdict"];
            /** Warnings */
            warnings: components["schemas"]["CheckWarning"][];
        };
        /** CheckItem */
        CheckItem: {
            /**
             * Gift
             * @description For someone else: only DUPLICATE_ORDER.
             * @default false
             */
            gift?: boolean;
            /**
             * Quantity
             * @default 1
             */
            quantity?: number;
            /** Sku */
            sku: string;
        };
        /** CheckOutcome */
        CheckOutcome: {
            code: components["schemas"]["WarningCode"];
            /** @description What the customer did with the warning. */
            outcome: components["schemas"]["FeedbackAction"];
            /** Sku */
            sku: string;
            source: components["schemas"]["OutcomeSource"];
        };
        /** CheckRequest */
        CheckRequest: {
            /**
             * As Of
             * @description Evaluate as if now were this instant; history after it is ignored.
             * @default null
             */
            as_of?: string | null;
            /** Customer Id */
            customer_id: string;
            /** Items */
            items: components["schemas"]["CheckItem"][];
        };
        /** CheckResult */
        CheckResult: {
            /**
             * As Of
             * Format: date-time
             */
            as_of: string;
            /** Check Id */
            check_id: string;
            /** Customer Id */
            customer_id: string;
            /** Degraded */
            degraded: boolean;
            /**
             * Degraded Reason
             * @description Why the history could not be read, when degraded.
             */
            degraded_reason?: string | null;
            /** @description The order placed within the duplicate window that most of the cart repeats; null when none is. */
            repeats_order?: components["schemas"]["RepeatsOrder"] | null;
            verdict: components["schemas"]["Verdict"];
            /** Warnings */
            warnings: components["schemas"]["CheckWarning"][];
        };
        /** CheckWarning */
        CheckWarning: {
            code: components["schemas"]["WarningCode"];
            /** Evidence */
            evidence: components["schemas"]["Evidence"][];
            /** Message */
            message: string;
            severity: components["schemas"]["Severity"];
            /** Sku */
            sku: string;
            suggestion: components["schemas"]["Suggestion"] | null;
        };
        /** CustomerCounts */
        CustomerCounts: {
            /** Cancelled Orders */
            cancelled_orders: number;
            /** Checks */
            checks: number;
            /** Orders */
            orders: number;
            /** Returns */
            returns: number;
            /** Warnings */
            warnings: number;
            /** Warnings Kept */
            warnings_kept: number;
            /** Warnings Removed */
            warnings_removed: number;
            /** Warnings Replaced */
            warnings_replaced: number;
        };
        /** CustomerPreferences */
        CustomerPreferences: {
            /** Learned Sizes */
            learned_sizes: components["schemas"]["LearnedSize"][];
            stated: components["schemas"]["Preferences"];
        };
        /**
         * EventType
         * @enum {string}
         */
        EventType: "order" | "return" | "cancellation" | "check" | "feedback" | "preferences";
        /**
         * Evidence
         * @description What a warning rests on; which fields are present depends on the code.
         */
        Evidence: {
            /** At */
            at?: string | null;
            /** Category */
            category?: string | null;
            /** Ends At */
            ends_at?: string | null;
            /** Format */
            format?: string | null;
            /**
             * Line
             * @description Index of the cart line.
             */
            line?: number | null;
            /** Order Id */
            order_id?: string | null;
            /** Quantity */
            quantity?: number | null;
            /** Reason */
            reason?: string | null;
            /** Size */
            size?: string | null;
            /** Sku */
            sku?: string | null;
            /**
             * Source
             * @description `preferences` when stated by them.
             */
            source?: string | null;
            /** Tag */
            tag?: string | null;
        };
        /**
         * FeedbackAction
         * @enum {string}
         */
        FeedbackAction: "kept" | "removed" | "replaced";
        /** FeedbackCreate */
        FeedbackCreate: {
            /** Responses */
            responses: components["schemas"]["FeedbackResponse"][];
        };
        /** FeedbackEvent */
        FeedbackEvent: {
            action: components["schemas"]["FeedbackAction"];
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Check Id */
            check_id: string;
            code: components["schemas"]["WarningCode"];
            /** Order Id */
            order_id?: string | null;
            /** Reason */
            reason: string | null;
            /** Replacement Sku */
            replacement_sku: string | null;
            /** Sku */
            sku: string;
            /** @default feedback */
            source?: components["schemas"]["OutcomeSource"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "feedback";
        };
        /** FeedbackRecorded */
        FeedbackRecorded: {
            action: components["schemas"]["FeedbackAction"];
            code: components["schemas"]["WarningCode"];
            /** Reason */
            reason?: string | null;
            /** Replacement Sku */
            replacement_sku?: string | null;
            /** Sku */
            sku: string;
            /**
             * Suppressed Until
             * @description Until when this warning stays quiet for the customer (kept only).
             */
            suppressed_until: string | null;
        };
        /** FeedbackResponse */
        FeedbackResponse: {
            action: components["schemas"]["FeedbackAction"];
            code: components["schemas"]["WarningCode"];
            /** Reason */
            reason?: string | null;
            /** Replacement Sku */
            replacement_sku?: string | null;
            /** Sku */
            sku: string;
        };
        /** FeedbackResult */
        FeedbackResult: {
            /** Check Id */
            check_id: string;
            /** Responses */
            responses: components["schemas"]["FeedbackRecorded"][];
        };
        /** FieldError */
        FieldError: {
            /** Loc */
            loc: (string | number)[];
            /** Msg */
            msg: string;
        };
        /** Health */
        Health: {
            /** Status */
            status: string;
        };
        /** HistoryPage */
        HistoryPage: {
            /** Items */
            items: (components["schemas"]["OrderEvent"] | components["schemas"]["ReturnEvent"] | components["schemas"]["CancellationEvent"] | components["schemas"]["CheckEvent"] | components["schemas"]["FeedbackEvent"] | components["schemas"]["PreferencesEvent"])[];
            /** Next Cursor */
            next_cursor: string | null;
        };
        /** Key */
        Key: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Key Id */
            key_id: string;
            /** Name */
            name: string;
            /** Revoked At */
            revoked_at?: string | null;
            role: components["schemas"]["Role"];
        };
        /** KeyCreate */
        KeyCreate: {
            /** Name */
            name: string;
            role: components["schemas"]["Role"];
        };
        /** KeyCreated */
        KeyCreated: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Key */
            key: string;
            /** Key Id */
            key_id: string;
            /** Name */
            name: string;
            role: components["schemas"]["Role"];
        };
        /** KeyPage */
        KeyPage: {
            /** Items */
            items: components["schemas"]["Key"][];
            /** Next Cursor */
            next_cursor: string | null;
        };
        /** LearnedSize */
        LearnedSize: {
            /** Category */
            category: string;
            /**
             * Purchases
             * @description How many kept purchases agree on this size.
             */
            purchases: number;
            /** Size */
            size: string;
        };
        /** Order */
        Order: {
            /** Cancelled At */
            cancelled_at: string | null;
            /**
             * Check Id
             * @description The check it named, if any.
             */
            check_id?: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Customer Id */
            customer_id: string;
            /** Lines */
            lines: components["schemas"]["OrderLine"][];
            /** Order Id */
            order_id: string;
            /**
             * Placed At
             * Format: date-time
             */
            placed_at: string;
            /** Returns */
            returns: components["schemas"]["Return"][];
        };
        /** OrderBatchResult */
        OrderBatchResult: {
            /** Conflicts */
            conflicts: number;
            /** Created */
            created: number;
            /** Errors */
            errors: components["schemas"]["BatchLineError"][];
            /** Unchanged */
            unchanged: number;
        };
        /** OrderCreate */
        OrderCreate: {
            /**
             * Check Id
             * @description The check the customer saw before placing this order. It must be a check of the same customer (else 422 naming `check_id`); what they did with each warning is then known.
             */
            check_id?: string | null;
            /** Customer Id */
            customer_id: string;
            /** Lines */
            lines: components["schemas"]["OrderLineIn"][];
            /** Order Id */
            order_id: string;
            /**
             * Placed At
             * Format: date-time
             * @description RFC 3339 with a zone, between the years 1900 and 2999.
             */
            placed_at: string;
        };
        /** OrderEvent */
        OrderEvent: {
            /**
             * At
             * Format: date-time
             * @description When it was placed.
             */
            at: string;
            /**
             * Check Id
             * @description The check it named, if any.
             */
            check_id?: string | null;
            /** Lines */
            lines: components["schemas"]["OrderLine"][];
            /** Order Id */
            order_id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "order";
        };
        /** OrderLine */
        OrderLine: {
            /** Quantity */
            quantity: number;
            /** Sku */
            sku: string;
            /** Unit Price */
            unit_price?: number | string | null;
        };
        /** OrderLineIn */
        OrderLineIn: {
            /** Quantity */
            quantity: number;
            /** Sku */
            sku: string;
            /** Unit Price */
            unit_price?: number | string | null;
        };
        /**
         * OutcomeItem
         * @description What the customer did with one warning, and whether they regretted keeping it.
         */
        OutcomeItem: {
            /**
             * At
             * Format: date-time
             * @description When the outcome was learnt.
             */
            at: string;
            /** Check Id */
            check_id: string;
            code: components["schemas"]["WarningCode"];
            /** Order Id */
            order_id: string | null;
            outcome: components["schemas"]["FeedbackAction"];
            /**
             * Regretted
             * @description Kept, then cancelled or returned within 7 days.
             */
            regretted: boolean;
            /** Sku */
            sku: string;
            source: components["schemas"]["OutcomeSource"];
        };
        /**
         * OutcomeSource
         * @description Where an outcome was learnt. `feedback`: the shop said so; `order`: the order naming
         *     the check shows it.
         * @enum {string}
         */
        OutcomeSource: "feedback" | "order";
        /** OwnedItem */
        OwnedItem: {
            /**
             * First Purchased At
             * Format: date-time
             */
            first_purchased_at: string;
            /**
             * Last Purchased At
             * Format: date-time
             */
            last_purchased_at: string;
            /**
             * Quantity
             * @description Bought minus returned, over orders not cancelled.
             */
            quantity: number;
            /** Sku */
            sku: string;
            /**
             * Title
             * @description Null when the sku is not in the catalog.
             */
            title: string | null;
        };
        /** Preferences */
        Preferences: {
            /**
             * Avoid
             * @description Tags matched against a product's `contains`.
             * @default []
             */
            avoid?: string[];
            /** Customer Id */
            customer_id: string;
            /**
             * Formats
             * @description Formats in order of preference, most preferred first.
             * @default []
             */
            formats?: string[];
            /**
             * Sizes
             * @description The customer's size per category, e.g. {"shoes": "43"}.
             * @default {}
             */
            sizes?: {
                [key: string]: string;
            };
            /**
             * Updated At
             * @description Null when nothing was ever stated.
             */
            updated_at: string | null;
        };
        /** PreferencesEvent */
        PreferencesEvent: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Avoid */
            avoid: string[];
            /** Formats */
            formats: string[];
            /** Sizes */
            sizes: {
                [key: string]: string;
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "preferences";
        };
        /** PreferencesUpdate */
        PreferencesUpdate: {
            /**
             * Avoid
             * @description Tags matched against a product's `contains`.
             * @default []
             */
            avoid?: string[];
            /**
             * Formats
             * @description Formats in order of preference, most preferred first.
             * @default []
             */
            formats?: string[];
            /**
             * Sizes
             * @description The customer's size per category, e.g. {"shoes": "43"}.
             * @default {}
             */
            sizes?: {
                [key: string]: string;
            };
        };
        /** Problem */
        Problem: {
            /** Detail */
            detail: string;
            /** Errors */
            errors?: components["schemas"]["FieldError"][] | null;
            /** Status */
            status: number;
            /** Title */
            title: string;
            /** Type */
            type: string;
        };
        /** Product */
        Product: {
            /**
             * Active
             * @default true
             */
            active?: boolean;
            /**
             * Attributes
             * @default {}
             */
            attributes?: {
                [key: string]: string;
            };
            /** Category */
            category?: string | null;
            /**
             * Contains
             * @default []
             */
            contains?: string[];
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Duration Days */
            duration_days?: number | null;
            /** Format */
            format?: string | null;
            /**
             * Included In
             * @default []
             */
            included_in?: string[];
            /** @description Unset means unknown: no kind-specific warnings. */
            kind?: components["schemas"]["ProductKind"] | null;
            /**
             * Provides
             * @default []
             */
            provides?: string[];
            /** Replenish Days */
            replenish_days?: number | null;
            /**
             * Requires Any
             * @default []
             */
            requires_any?: string[];
            /** Sku */
            sku: string;
            /**
             * Superseded By
             * @description The newer product's sku; never the product's own.
             */
            superseded_by?: string | null;
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Work Id */
            work_id?: string | null;
        };
        /** ProductBatchItem */
        ProductBatchItem: {
            /**
             * Active
             * @default true
             */
            active?: boolean;
            /**
             * Attributes
             * @default {}
             */
            attributes?: {
                [key: string]: string;
            };
            /** Category */
            category?: string | null;
            /**
             * Contains
             * @default []
             */
            contains?: string[];
            /** Duration Days */
            duration_days?: number | null;
            /** Format */
            format?: string | null;
            /**
             * Included In
             * @default []
             */
            included_in?: string[];
            /** @description Unset means unknown: no kind-specific warnings. */
            kind?: components["schemas"]["ProductKind"] | null;
            /**
             * Provides
             * @default []
             */
            provides?: string[];
            /** Replenish Days */
            replenish_days?: number | null;
            /**
             * Requires Any
             * @default []
             */
            requires_any?: string[];
            /** Sku */
            sku: string;
            /**
             * Superseded By
             * @description The newer product's sku; never the product's own.
             */
            superseded_by?: string | null;
            /** Title */
            title: string;
            /** Work Id */
            work_id?: string | null;
        };
        /** ProductBatchResult */
        ProductBatchResult: {
            /** Created */
            created: number;
            /** Updated */
            updated: number;
        };
        /**
         * ProductKind
         * @enum {string}
         */
        ProductKind: "durable" | "consumable" | "digital" | "subscription" | "service";
        /** ProductUpsert */
        ProductUpsert: {
            /**
             * Active
             * @default true
             */
            active?: boolean;
            /**
             * Attributes
             * @default {}
             */
            attributes?: {
                [key: string]: string;
            };
            /** Category */
            category?: string | null;
            /**
             * Contains
             * @default []
             */
            contains?: string[];
            /** Duration Days */
            duration_days?: number | null;
            /** Format */
            format?: string | null;
            /**
             * Included In
             * @default []
             */
            included_in?: string[];
            /** @description Unset means unknown: no kind-specific warnings. */
            kind?: components["schemas"]["ProductKind"] | null;
            /**
             * Provides
             * @default []
             */
            provides?: string[];
            /** Replenish Days */
            replenish_days?: number | null;
            /**
             * Requires Any
             * @default []
             */
            requires_any?: string[];
            /**
             * Superseded By
             * @description The newer product's sku; never the product's own.
             */
            superseded_by?: string | null;
            /** Title */
            title: string;
            /** Work Id */
            work_id?: string | null;
        };
        /** Profile */
        Profile: {
            /**
             * As Of
             * Format: date-time
             */
            as_of: string;
            counts: components["schemas"]["CustomerCounts"];
            /** Customer Id */
            customer_id: string;
            /**
             * Outcomes
             * @description The latest 100 warning outcomes, newest first.
             */
            outcomes?: components["schemas"]["OutcomeItem"][];
            /** Owned */
            owned: components["schemas"]["OwnedItem"][];
            preferences: components["schemas"]["CustomerPreferences"];
            /** Returned */
            returned: components["schemas"]["ReturnedItem"][];
            /** Subscriptions */
            subscriptions: components["schemas"]["ActiveSubscription"][];
            /** Tags */
            tags: components["schemas"]["ProvidedTag"][];
        };
        /** ProvidedTag */
        ProvidedTag: {
            /** Sku */
            sku: string;
            /**
             * Tag
             * @description e.g. `printer:oj-8010`: a device or membership they have.
             */
            tag: string;
            /** Title */
            title: string;
        };
        /** Readiness */
        Readiness: {
            cache: components["schemas"]["CacheState"];
            /** Database */
            database: string;
            /** Status */
            status: string;
        };
        /**
         * RepeatsOrder
         * @description The recent order most of the cart repeats: ask once, not once per line.
         */
        RepeatsOrder: {
            /**
             * Matched Lines
             * @description How many cart lines repeat it.
             */
            matched_lines: number;
            /** Message */
            message: string;
            /** Order Id */
            order_id: string;
            /**
             * Placed At
             * Format: date-time
             */
            placed_at: string;
        };
        /** Return */
        Return: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Customer Id */
            customer_id: string;
            /** Lines */
            lines: components["schemas"]["ReturnLineIn"][];
            /** Order Id */
            order_id: string;
            reason: components["schemas"]["ReturnReason"];
            /** Return Id */
            return_id: string;
            /**
             * Returned At
             * Format: date-time
             */
            returned_at: string;
        };
        /** ReturnCreate */
        ReturnCreate: {
            /** Lines */
            lines: components["schemas"]["ReturnLineIn"][];
            reason: components["schemas"]["ReturnReason"];
            /**
             * Return Id
             * @description Optional natural key: sending the same return again answers 200 with the stored one instead of recording it twice.
             */
            return_id?: string | null;
            /**
             * Returned At
             * @description Defaults to now.
             */
            returned_at?: string | null;
        };
        /** ReturnedItem */
        ReturnedItem: {
            /**
             * Last Returned At
             * Format: date-time
             */
            last_returned_at: string;
            /** Quantity */
            quantity: number;
            /**
             * Reasons
             * @description Distinct reasons, most recent first.
             */
            reasons: components["schemas"]["ReturnReason"][];
            /** Sku */
            sku: string;
            /** Title */
            title: string | null;
        };
        /** ReturnEvent */
        ReturnEvent: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Lines */
            lines: components["schemas"]["ReturnLineIn"][];
            /** Order Id */
            order_id: string;
            reason: components["schemas"]["ReturnReason"];
            /** Return Id */
            return_id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "return";
        };
        /** ReturnLineIn */
        ReturnLineIn: {
            /** Quantity */
            quantity: number;
            /** Sku */
            sku: string;
        };
        /**
         * ReturnReason
         * @enum {string}
         */
        ReturnReason: "too_small" | "too_large" | "defective" | "not_as_described" | "duplicate_order" | "incompatible" | "no_longer_needed" | "other";
        /**
         * Role
         * @enum {string}
         */
        Role: "checkout" | "support" | "admin";
        /**
         * Severity
         * @enum {string}
         */
        Severity: "info" | "confirm" | "block";
        /** Suggestion */
        Suggestion: {
            action: components["schemas"]["SuggestionAction"];
            /** Message */
            message: string;
            /** Sku */
            sku?: string | null;
        };
        /**
         * SuggestionAction
         * @enum {string}
         */
        SuggestionAction: "remove" | "replace" | "keep";
        /**
         * Verdict
         * @enum {string}
         */
        Verdict: "proceed" | "info" | "confirm" | "block";
        /**
         * WarningCode
         * @description The warning codes, in the contract's order.
         * @enum {string}
         */
        WarningCode: "ALREADY_OWNED" | "ALREADY_SUBSCRIBED" | "DUPLICATE_ORDER" | "PREVIOUSLY_PURCHASED" | "EARLY_REPURCHASE" | "OWNED_OTHER_FORMAT" | "RETURNED_BEFORE" | "DUPLICATE_IN_CART" | "INCOMPATIBLE" | "PREFERENCE_CONFLICT" | "INCLUDED_IN_SUBSCRIPTION" | "NEWER_VERSION" | "PREFERRED_FORMAT";
        /** WarningStats */
        WarningStats: {
            code: components["schemas"]["WarningCode"];
            /** Kept */
            kept: number;
            /** Raised */
            raised: number;
            /**
             * Regretted
             * @description Kept, then cancelled or returned within 7 days: the warning was right.
             */
            regretted: number;
            /** Removed */
            removed: number;
            /** Replaced */
            replaced: number;
            /**
             * With Outcome
             * @description Raised warnings whose outcome is known (kept, removed or replaced): the coverage.
             */
            with_outcome: number;
        };
        /** WarningStatsPage */
        WarningStatsPage: {
            /** Items */
            items: components["schemas"]["WarningStats"][];
            /** Since */
            since: string | null;
            /**
             * Until
             * Format: date-time
             */
            until: string;
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
    "health-healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    "health-metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    "health-readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description The database is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    "audit-list_audit_entries": {
        parameters: {
            query?: {
                /** @description Opaque cursor from `next_cursor`. */
                cursor?: string | null;
                customer_id?: string | null;
                key_id?: string | null;
                /** @description Page size (default 50, max 500). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description Malformed request (body is not valid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the media type the operation takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input; `errors` names each field at fault */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable; retry after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "checks-create_check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckResult"];
                };
            };
            /** @description Malformed request (body is not valid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the media type the operation takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input; `errors` names each field at fault */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable; retry after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "checks-get_check": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                check_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckResult"];
                };
            };
            /** @description Malformed request (body is not valid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the media type the operation takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input; `errors` names each field at fault */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable; retry after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "checks-record_feedback": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                check_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FeedbackCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedbackResult"];
                };
            };
            /** @description Malformed request (body is not valid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the media type the operation takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input; `errors` names each field at fault */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable; retry after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "customers-erase_customer": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request (body is not valid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the media type the operation takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input; `errors` names each field at fault */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable; retry after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "support-get_history": {
        parameters: {
            query?: {
                /** @description Opaque cursor from `next_cursor`. */
                cursor?: string | null;
                /** @description Page size (default 50, max 500). */
                limit?: number;
                /** @description Events at or after this. */
                since?: string | null;
                /** @description Only events that name this sku. */
                sku?: string | null;
                /** @description Only these event types; repeat the parameter for several. */
                type?: components["schemas"]["EventType"][] | null;
                /** @description Events before this. */
                until?: string | null;
            };
            header?: never;
            path: {
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryPage"];
                };
            };
            /** @description Malformed request (body is not valid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the media type the operation takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input; `errors` names each field at fault */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable; retry after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "customers-get_preferences": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            /** @description Malformed request (body is not valid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the media type the operation takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input; `errors` names each field at fault */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable; retry after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "customers-replace_preferences": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreferencesUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            /** @description Malformed request (body is not valid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the media type the operation takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input; `errors` names each field at fault */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable; retry after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "support-get_profile": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Profile"];
                };
            };
            /** @description Malformed request (body is not valid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the media type the operation takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input; `errors` names each field at fault */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable; retry after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "keys-list_keys": {
        parameters: {
            query?: {
                /** @description Opaque cursor from `next_cursor`. */
                cursor?: string | null;
                /** @description Page size (default 50, max 500). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyPage"];
                };
            };
            /** @description Malformed request (body is not valid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the media type the operation takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input; `errors` names each field at fault */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable; retry after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "keys-create_key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["KeyCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyCreated"];
                };
            };
            /** @description Malformed request (body is not valid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the media type the operation takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input; `errors` names each field at fault */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable; retry after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "keys-revoke_key": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request (body is not valid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the media type the operation takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input; `errors` names each field at fault */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable; retry after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orders-create_order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderCreate"];
            };
        };
        responses: {
            /** @description Already recorded: the stored order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Malformed request (body is not valid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with what is stored */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the media type the operation takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input; `errors` names each field at fault */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable; retry after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orders-get_order": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                order_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Malformed request (body is not valid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `batch` is not an id: it names the batch endpoint, which takes only POST */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the media type the operation takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input; `errors` names each field at fault */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable; retry after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orders-cancel_order": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                order_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CancelRequest"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Malformed request (body is not valid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the media type the operation takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input; `errors` names each field at fault */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable; retry after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orders-record_return": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                order_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReturnCreate"];
            };
        };
        responses: {
            /** @description Already recorded (same `return_id`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Return"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Return"];
                };
            };
            /** @description Malformed request (body is not valid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with what is stored */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the media type the operation takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input; `errors` names each field at fault */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable; retry after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orders-import_orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description NDJSON: one order (as for `POST /v1/orders`) per line, up to 100,000 lines. */
        requestBody: {
            content: {
                "application/x-ndjson": string;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderBatchResult"];
                };
            };
            /** @description Malformed request (body is not valid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the media type the operation takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input; `errors` names each field at fault */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable; retry after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "catalog-get_product": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Malformed request (body is not valid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `batch` is not an id: it names the batch endpoint, which takes only POST */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the media type the operation takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input; `errors` names each field at fault */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable; retry after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "catalog-upsert_product": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductUpsert"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Malformed request (body is not valid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `batch` is not an id: it names the batch endpoint, which takes only POST */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the media type the operation takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input; `errors` names each field at fault */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable; retry after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "catalog-upsert_products_batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductBatchItem"][];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductBatchResult"];
                };
            };
            /** @description Malformed request (body is not valid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the media type the operation takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input; `errors` names each field at fault */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable; retry after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "checks-warning_stats": {
        parameters: {
            query?: {
                since?: string | null;
                until?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WarningStatsPage"];
                };
            };
            /** @description Malformed request (body is not valid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key's role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the media type the operation takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input; `errors` names each field at fault */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable; retry after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
