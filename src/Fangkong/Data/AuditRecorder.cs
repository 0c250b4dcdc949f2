using System.Text.Json;
using Fangkong.Access;
using Fangkong.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Fangkong.Data;

/// <summary>Turns tracked changes into audit lines with the values before and after.</summary>
internal sealed class AuditRecorder(IJurisdictionAccessor jurisdiction, TimeProvider time, IClientInfoAccessor? client)
{
    // Secrets never go to the log, not even hashed.
    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PrivateKey",
    };

    // Enums as names and Chinese as is, so that the log reads without the code at hand.
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    internal sealed record Pending(EntityEntry Entry, string Action, string? Before);

    public List<Pending> Capture(ChangeTracker tracker)
    {
        var list = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is AuditEntry)
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    list.Add(new Pending(entry, AuditActions.Insert, null));
                    break;
                case EntityState.Modified:
                    list.Add(new Pending(entry, AuditActions.Update, Serialise(entry, original: true)));
                    break;
                case EntityState.Deleted:
                    list.Add(new Pending(entry, AuditActions.Delete, Serialise(entry, original: true)));
                    break;
            }
        }

        return list;
    }

    /// <summary>Called after the save, when generated keys are known.</summary>
    public IEnumerable<AuditEntry> Complete(IEnumerable<Pending> pending)
    {
        var now = time.GetUtcNow();
        foreach (var p in pending)
        {
            var after = p.Action == AuditActions.Delete ? null : Serialise(p.Entry, original: false);
            yield return Line(now, p.Action, p.Entry.Metadata.ClrType.Name, Key(p.Entry), p.Before, after, RegionOf(p.Entry));
        }
    }

    public AuditEntry Read(string entity, string key, string? regionCode) =>
        Line(time.GetUtcNow(), AuditActions.Read, entity, key, null, null, regionCode);

    public AuditEntry Search(string entity, string query, IEnumerable<long> ids, string? regionCode) =>
        Line(time.GetUtcNow(), AuditActions.Search, entity, "*", null, JsonSerializer.Serialize(new { query, ids }, Json), regionCode);

    public AuditEntry Bulk(string action, string entity, string summary) =>
        Line(time.GetUtcNow(), action, entity, "*", null, summary, null);

    public AuditEntry Refused(string entity, string key, string detail, string? regionCode) =>
        Line(time.GetUtcNow(), AuditActions.Refused, Cut(entity, AuditEntry.EntityMaxLength), Cut(key, AuditEntry.KeyMaxLength), null, detail, regionCode);

    /// <summary>Every line carries who acted, from which jurisdiction, and from which client.</summary>
    private AuditEntry Line(DateTimeOffset at, string action, string entity, string key, string? before, string? after, string? regionCode)
    {
        var who = jurisdiction.Current;
        return new AuditEntry(at, who.UserName, action, entity, key, before, after, regionCode, client?.Current, who.RegionPrefix);
    }

    private static string Cut(string value, int max) => value.Length > max ? value[..max] : value;

    private static string Key(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null
            ? string.Empty
            : string.Join(",", key.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
    }

    private static string? RegionOf(EntityEntry entry) => (entry.Entity as IRegionScoped)?.RegionCode;

    private static string Serialise(EntityEntry entry, bool original)
    {
        var values = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            if (Secret.Contains(property.Metadata.Name))
            {
                continue;
            }

            values[property.Metadata.Name] = original ? property.OriginalValue : property.CurrentValue;
        }

        return JsonSerializer.Serialize(values, Json);
    }
}
