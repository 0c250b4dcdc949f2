using System.Globalization;
using System.Text.RegularExpressions;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Places;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases.Investigation;

/// <summary>
/// The place of an itinerary stop as the investigator gave it in the place picker: an option chosen
/// (its id, or its label "名称 (id)"), a registered place's name typed in full, a new place to register
/// there and then (its kind chosen), or words that describe a place nobody registers (issue 16, item 3:
/// a stop was refused unless a numeric place id was typed, and no page showed place ids).
/// </summary>
public static partial class StopPlace
{
    /// <param name="PlaceId">The registered place, or null.</param>
    /// <param name="Words">The typed text, when it names no registered place and none is to be registered.</param>
    public sealed record Resolved(long? PlaceId, string? Words);

    public static async Task<Result<Resolved>> ResolveAsync(
        FangkongDbContext db, string? picked, string? newPlaceKind, string regionCode, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var text = picked?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return new Resolved(null, null);
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return new Resolved(id, null);
        }

        if (Label().Match(text) is { Success: true } label)
        {
            return new Resolved(long.Parse(label.Groups[1].Value, CultureInfo.InvariantCulture), null);
        }

        // The query filter keeps this to the places the caller sees; a name two places share is not a choice.
        var named = await db.Places.AsNoTracking().Where(p => p.Name == text).Select(p => p.Id).Take(2).ToListAsync(ct);
        if (named.Count == 1)
        {
            return new Resolved(named[0], null);
        }

        if (string.IsNullOrWhiteSpace(newPlaceKind))
        {
            return new Resolved(null, text);
        }

        var registered = await RegisterPlace.HandleAsync(db, new RegisterPlace.Command(text, newPlaceKind, regionCode, null), ct);
        if (!registered.IsSuccess)
        {
            var error = registered.Error!;
            return error with { Field = error.Field == "kind" ? "newPlaceKind" : error.Field is null ? null : "placeId" };
        }

        return new Resolved(registered.Value!.Id, null);
    }

    // The label of a picker option, "吉林市中心医院 (12)", when the browser puts it in the field.
    [GeneratedRegex(@"\((\d{1,18})\)$")]
    private static partial Regex Label();
}
