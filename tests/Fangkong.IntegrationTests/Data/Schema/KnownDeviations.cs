using Fangkong.Data;

namespace Fangkong.IntegrationTests.Data.Schema;

/// <summary>
/// Differences between the model and the migrated schema that are meant, each with its reason.
/// A line here must match the comparer's output exactly; <see cref="SchemaDriftTests"/> also
/// fails when one no longer occurs, so the list cannot go stale.
/// </summary>
internal static class KnownDeviations
{
    private static readonly (DatabaseProvider Provider, string Difference, string Reason)[] All =
    [
        (DatabaseProvider.Sqlite, "schema_migrations: database has a table, model maps none",
            "The migrator's own history, written by Migrator with plain SQL."),
        (DatabaseProvider.Postgres, "schema_migrations: database has a table, model maps none",
            "The migrator's own history, written by Migrator with plain SQL."),
        (DatabaseProvider.Postgres, "samples: model says primary key (id), database says (id, round_id)",
            "Samples are partitioned by round on PostgreSQL (0135); a partitioned table's key must hold the partition key. The identity id alone stays unique, so EF keys by it (ADR 0021)."),
        (DatabaseProvider.Postgres, "persons: model says unique index (document_type, document_number) ix_persons_document_type_document_number, database has none",
            "0032 leads the PostgreSQL document key with the number: a sort abbreviates only its first column, and all of a city's documents share one type. The same pairs are unique either way."),
        (DatabaseProvider.Postgres, "persons: database has unique index (document_number, document_type) ix_persons_document_type_document_number, model declares none",
            "The other half of the line above: the same index, its columns in the other order."),
    ];

    public static HashSet<string> For(DatabaseProvider provider) =>
        All.Where(d => d.Provider == provider).Select(d => d.Difference).ToHashSet(StringComparer.Ordinal);
}
