using System.Text.Json;
using Fangkong.Access;
using Fangkong.Auditing;
using Fangkong.Data;
using Fangkong.Regions;
using Fangkong.Residences;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Persons;

/// <summary>
/// Loads validated persons in bulk, bypassing change tracking: PostgreSQL copies the rows in
/// binary into a temporary staging table and upserts them with one statement; SQLite re-executes
/// one prepared upsert per row inside one transaction. Compounds, buildings and units named by the
/// rows are found or created within the row's region. A person is keyed by its document
/// (type + number): loading it again updates it. The whole load is one transaction with one
/// audit entry carrying the counts; rows outside the caller's jurisdiction abort it.
/// </summary>
public static class PersonBulkLoader
{
    /// <summary>How often (in rows) progress is reported.</summary>
    public const int ProgressInterval = 5_000;

    /// <summary>Loads <paramref name="rows"/> (streamed, not held) and reports the rows done so far.</summary>
    /// <exception cref="JurisdictionViolationException">A row's region is outside the caller's jurisdiction (nothing is written).</exception>
    /// <exception cref="ArgumentException">A row breaks a limit that validation should have caught (nothing is written).</exception>
    public static async Task<BulkLoadSummary> LoadAsync(FangkongDbContext db, IEnumerable<PersonRow> rows, IProgress<long>? progress, CancellationToken ct) =>
        (await LoadAsync(db, rows, progress, static () => true, ct))!;

    /// <summary>
    /// Loads as above, but asks <paramref name="proceed"/> once every row has been read and before
    /// anything is committed (on PostgreSQL, before the persons table is touched): false rolls the
    /// whole load back and returns null. This lets an import validate and stage in one pass over its file.
    /// </summary>
    internal static async Task<BulkLoadSummary?> LoadAsync(FangkongDbContext db, IEnumerable<PersonRow> rows, IProgress<long>? progress, Func<bool> proceed, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow();
        var started = db.Clock.GetTimestamp();
        var guarded = rows.Select(row => Guard(row, db.Jurisdiction));
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var counts = db.Database.IsNpgsql()
                ? await PostgresPersonLoader.LoadAsync(db, guarded, now, progress, proceed, ct)
                : await SqlitePersonLoader.LoadAsync(db, guarded, now, progress, proceed, ct);
            if (counts is not { } c)
            {
                await transaction.RollbackAsync(ct);
                return null;
            }

            var summary = new BulkLoadSummary(
                c.Rows, c.Inserted, c.Rows - c.Inserted, c.Compounds, c.Buildings, c.Units, db.Clock.GetElapsedTime(started));
            await db.AuditBulkAsync(AuditActions.Import, nameof(Person), JsonSerializer.Serialize(new
            {
                rows = summary.Rows,
                inserted = summary.Inserted,
                updated = summary.Updated,
                compounds = summary.CompoundsCreated,
                buildings = summary.BuildingsCreated,
                units = summary.UnitsCreated,
            }), ct);
            await transaction.CommitAsync(ct);
            return summary with { Elapsed = db.Clock.GetElapsedTime(started) };
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The bulk paths bypass the write guard and SQLite does not enforce lengths: check here, the same on both.</summary>
    private static PersonRow Guard(PersonRow row, Jurisdiction jurisdiction)
    {
        if (!jurisdiction.Covers(row.RegionCode))
        {
            throw new JurisdictionViolationException(nameof(Person), row.RegionCode, jurisdiction.RegionPrefix);
        }

        Limit(row.DocumentNumber, Person.DocumentNumberMaxLength, nameof(row.DocumentNumber), required: true);
        Limit(row.Name, Person.NameMaxLength, nameof(row.Name), required: true);
        Limit(row.RegionCode, RegionCode.MaxLength, nameof(row.RegionCode), required: true);
        Limit(row.Phone, Person.PhoneMaxLength, nameof(row.Phone));
        Limit(row.Compound, Compound.NameMaxLength, nameof(row.Compound));
        Limit(row.Building, Building.NameMaxLength, nameof(row.Building));
        Limit(row.Unit, BuildingUnit.NameMaxLength, nameof(row.Unit));
        Limit(row.Room, Person.RoomMaxLength, nameof(row.Room));
        Limit(row.HouseholdNo, Person.HouseholdNoMaxLength, nameof(row.HouseholdNo));
        return row;

        void Limit(string? value, int max, string field, bool required = false)
        {
            if (required && string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException($"Person {row.DocumentNumber}: {field} is required.", nameof(row));
            }

            if (value is not null && value.Length > max)
            {
                throw new ArgumentException($"Person {row.DocumentNumber}: {field} is longer than {max}.", nameof(row));
            }
        }
    }
}
