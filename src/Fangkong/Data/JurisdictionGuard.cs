using Fangkong.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Fangkong.Data;

/// <summary>Refuses a save that adds, changes, moves or deletes a record outside the jurisdiction.</summary>
internal static class JurisdictionGuard
{
    public static void Check(ChangeTracker tracker, Jurisdiction jurisdiction)
    {
        if (jurisdiction.RegionPrefix.Length == 0)
        {
            return;
        }

        foreach (var entry in tracker.Entries<IRegionScoped>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var property = entry.Property(nameof(IRegionScoped.RegionCode));
            var current = (string?)property.CurrentValue ?? string.Empty;
            var original = (string?)property.OriginalValue ?? string.Empty;
            var name = entry.Metadata.ClrType.Name;
            if (!jurisdiction.Covers(current))
            {
                throw new JurisdictionViolationException(name, current, jurisdiction.RegionPrefix);
            }

            if (entry.State != EntityState.Added && !jurisdiction.Covers(original))
            {
                throw new JurisdictionViolationException(name, original, jurisdiction.RegionPrefix);
            }
        }
    }
}
