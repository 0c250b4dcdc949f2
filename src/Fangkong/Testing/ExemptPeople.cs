using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Testing;

/// <summary>
/// Records that residents of a round's area are tested elsewhere (in quarantine, in hospital), so
/// that they leave the round's "should test" and its not-sampled list. A batch by identity number;
/// each item is exempted, already exempted (sending it again changes nothing), or refused with its
/// reason: a bad identity number or reason, a person not registered in the caller's jurisdiction
/// (not told apart from an unknown one), or a person living outside the round's area.
/// </summary>
public static class ExemptPeople
{
    public const int MaxBatch = 5_000;

    public sealed record Item(string? IdNumber, string? Reason, string? Note);

    public enum Outcome
    {
        Exempted,
        AlreadyExempted,
        Refused,
    }

    /// <summary>The outcome of the item at <paramref name="Index"/> (0-based, in the order sent).</summary>
    public sealed record ItemResult(int Index, string IdNumber, Outcome Outcome, long? PersonId, string? Reason);

    public static async Task<Result<IReadOnlyList<ItemResult>>> HandleAsync(
        FangkongDbContext db, TimeProvider time, long roundId, IReadOnlyList<Item> items, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(items);
        var found = await RoundAccess.FindAsync(db, roundId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        if (items.Count is 0 or > MaxBatch)
        {
            return Error.Invalid("exemptions", ErrorText.Of("error.testing.batch-holds-people", MaxBatch));
        }

        var round = found.Value!;
        var parsed = items.Select(Parse).ToList();
        var numbers = parsed.Where(p => p.Error is null).Select(p => p.Document!).Distinct().ToList();

        // The jurisdiction filter applies: a person outside it is as unknown as an unregistered one.
        var people = await db.Persons.AsNoTracking()
            .Where(p => p.DocumentType == DocumentType.ResidentId && numbers.Contains(p.DocumentNumber))
            .Select(p => new { p.Id, p.DocumentNumber, p.RegionCode })
            .ToDictionaryAsync(p => p.DocumentNumber, StringComparer.Ordinal, ct);
        var ids = people.Values.Select(p => p.Id).ToList();
        var exempted = (await db.RoundExemptions.BypassJurisdiction(BypassReason.SwabsTakenAnywhere).AsNoTracking()
            .Where(e => e.RoundId == round.Id && ids.Contains(e.PersonId)).Select(e => e.PersonId).ToListAsync(ct)).ToHashSet();

        var now = time.GetUtcNow();
        var results = new List<ItemResult>(items.Count);
        for (var i = 0; i < parsed.Count; i++)
        {
            var item = parsed[i];
            // A masked role typed the full number: the answer does not confirm it back in full.
            var text = Access.Masking.IdNumberFor(items[i].IdNumber?.Trim(), db.Jurisdiction);
            if (item.Error is { } error)
            {
                results.Add(new ItemResult(i, text, Outcome.Refused, null, error));
                continue;
            }

            if (!people.TryGetValue(item.Document!, out var person))
            {
                results.Add(new ItemResult(i, text, Outcome.Refused, null, ErrorText.Of("error.testing.person-not-registered-jurisdiction")));
                continue;
            }

            if (!person.RegionCode.StartsWith(round.RegionCode, StringComparison.Ordinal))
            {
                results.Add(new ItemResult(i, text, Outcome.Refused, person.Id,
                    ErrorText.Of("error.testing.person-lives-outside-round-s", person.RegionCode, round.RegionCode)));
                continue;
            }

            if (!exempted.Add(person.Id))
            {
                results.Add(new ItemResult(i, text, Outcome.AlreadyExempted, person.Id, null));
                continue;
            }

            db.RoundExemptions.Add(new RoundExemption(round.Id, person.Id, person.RegionCode, item.Kind, item.Note, db.Jurisdiction.UserName, now));
            results.Add(new ItemResult(i, text, Outcome.Exempted, person.Id, null));
        }

        var added = Tallies.RoundTallyWriter.AddedExemptions(db);
        await Tallies.RoundTallyWriter.SaveWithAsync(db, () => Tallies.RoundTallyWriter.ExemptedAsync(db, added, ct), ct);
        return results;
    }

    /// <summary>quarantine/hospital/other, or 隔离/住院/其他.</summary>
    public static bool TryParseKind(string? text, out ExemptionKind kind)
    {
        switch (text?.Trim())
        {
            case "隔离" or "集中隔离":
                kind = ExemptionKind.Quarantine;
                return true;
            case "住院" or "医院":
                kind = ExemptionKind.Hospital;
                return true;
            case "其他":
                kind = ExemptionKind.Other;
                return true;
            default:
                return EnumText.TryParse(text?.Trim(), out kind);
        }
    }

    private sealed record Parsed(string? Document, ExemptionKind Kind, string? Note, string? Error);

    private static Parsed Parse(Item item)
    {
        if (!IdNumber.TryParse(item.IdNumber, out var id, out var idError))
        {
            return new Parsed(null, default, null, ErrorText.Of("error.testing.invalid-identity-number", idError));
        }

        if (!TryParseKind(item.Reason, out var kind))
        {
            return new Parsed(null, default, null, ErrorText.Of("error.testing.exemption-reason-not-kind", item.Reason));
        }

        var note = item.Note?.Trim();
        if (note is { Length: > RoundExemption.NoteMaxLength })
        {
            return new Parsed(null, default, null, ErrorText.Of("error.testing.note-most-characters", RoundExemption.NoteMaxLength));
        }

        if (kind == ExemptionKind.Other && string.IsNullOrEmpty(note))
        {
            return new Parsed(null, default, null, ErrorText.Of("error.testing.reason-other-needs-note"));
        }

        return new Parsed(id.Value, kind, note, null);
    }
}
