using System.Text.Json;
using Fangkong.Common;
using Fangkong.Common.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Fangkong.Data;

/// <summary>
/// Before a save: no text longer than its column (SQLite would store 100,000 characters in a
/// column of 100; PostgreSQL would fail the whole save), no control characters other than line
/// breaks and tabs, no NaN or infinite numbers. The limits are the EF mapping's, which reuses each
/// entity's MaxLength constants, so they are declared once.
/// </summary>
internal static class StoredValueGuard
{
    public static void Check(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (entry.State == EntityState.Modified && !property.IsModified)
                {
                    continue;
                }

                if (ErrorOf(property) is { } error)
                {
                    throw new InputRejectedException(error);
                }
            }
        }
    }

    private static Error? ErrorOf(PropertyEntry property)
    {
        var field = JsonNamingPolicy.CamelCase.ConvertName(property.Metadata.Name);
        return property.CurrentValue switch
        {
            string text => InputText.Check(field, text, property.Metadata.GetMaxLength() ?? int.MaxValue, multiLine: true),
            double number when !double.IsFinite(number) => InputNumbers.Check(field, number),
            float number when !float.IsFinite(number) => InputNumbers.Check(field, number),
            _ => null,
        };
    }
}
